package solo.orchestration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes flow files into a test company. */
public final class Flows {
    private Flows() {}

    public static Path write(Path company, String name, String yaml) {
        try {
            Path file = company.resolve("flows").resolve(name + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
