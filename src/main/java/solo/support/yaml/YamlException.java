package solo.support.yaml;

import java.nio.file.Path;
import solo.support.SoloException;

/** A YAML file that could not be read or that breaks its rules, with file:line:column. */
public final class YamlException extends SoloException {
    public YamlException(String where, String message) {
        super(where + ": " + message);
    }

    public static YamlException at(Path file, YamlLocation location, String message) {
        return new YamlException(location == null ? file.toString() : location.describe(file), message);
    }
}
