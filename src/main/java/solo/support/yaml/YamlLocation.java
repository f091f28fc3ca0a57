package solo.support.yaml;

import java.nio.file.Path;

/** A 1-based line and column in a YAML file. */
public record YamlLocation(int line, int column) {
    public String describe(Path file) {
        return file + ":" + line + ":" + column;
    }
}
