package solo.company;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import solo.support.SoloException;

/**
 * Writes a new company folder from the template shipped in {@code solo/company/template/}. The template's
 * {@code index.txt} lists its files (a resource folder cannot be listed inside a jar); a line
 * {@code SOURCE TARGET} renames a file on the way.
 */
public final class CompanyTemplate {
    private static final String ROOT = "/solo/company/template/";
    private static final List<String> EMPTY_FOLDERS = List.of("flows", "agents", "policies", "playbooks");

    private CompanyTemplate() {}

    /** Creates the company; refuses a folder that already holds a solo.yaml or any other file. */
    public static Company init(Path dir, String name) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(Company.CONFIG_FILE))) {
            throw new SoloException(dir + ": already a company folder (solo.yaml exists)");
        }
        try {
            if (Files.isDirectory(abs)) {
                try (var entries = Files.list(abs)) {
                    if (entries.anyMatch(p -> !p.getFileName().toString().startsWith("."))) {
                        throw new SoloException(dir + ": folder is not empty; choose a new folder for the company");
                    }
                }
            }
            Files.createDirectories(abs);
            for (String line : index()) {
                String[] parts = line.trim().split("\\s+");
                String source = parts[0];
                Path target = abs.resolve(parts.length > 1 ? parts[1] : source);
                Files.createDirectories(target.getParent());
                String text = resource(source).replace("{{name}}", name.replace("\"", "'"));
                Files.writeString(target, text);
            }
            for (String folder : EMPTY_FOLDERS) {
                Files.createDirectories(abs.resolve(folder));
            }
        } catch (IOException e) {
            throw new SoloException(dir + ": cannot create the company folder: " + e.getMessage(), e);
        }
        return Company.open(abs);
    }

    private static List<String> index() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : resource("index.txt").split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                lines.add(line);
            }
        }
        return lines;
    }

    static String resource(String path) throws IOException {
        try (InputStream in = CompanyTemplate.class.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IOException("template file missing from the build: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
