package solo.orchestration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes flow files into a test company. */
public final class Flows {
    private Flows() {}

    /** Copies a flow kept with the tests ({@code src/test/resources/fixtures/NAME.yaml}) into the company. */
    public static Path fixture(Path company, String name) {
        try (var in = Flows.class.getResourceAsStream("/fixtures/" + name + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture flow " + name);
            }
            return write(company, name, new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
