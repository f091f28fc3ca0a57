package solo.company;

import java.nio.file.Files;
import java.nio.file.Path;
import solo.support.SoloException;

/**
 * A company: a folder with {@code solo.yaml} and its definitions ({@code schema/}, {@code flows/},
 * {@code agents/}, {@code policies/}, {@code playbooks/}), and its data in {@code .solo/} unless a
 * database URL says otherwise.
 */
public record Company(Path dir, CompanyConfig config) {
    public static final String CONFIG_FILE = "solo.yaml";

    /** Opens the company in this folder; refuses a folder that is missing or has no solo.yaml. */
    public static Company open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new SoloException(dir + ": company folder not found (create one with: solo init " + dir + ")");
        }
        Path config = abs.resolve(CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            throw new SoloException(dir + ": not a company folder (no " + CONFIG_FILE + "; create one with: solo init "
                    + dir + ")");
        }
        return new Company(abs, CompanyConfig.read(config));
    }

    public Path schemaDir() {
        return dir.resolve("schema");
    }

    public Path flowsDir() {
        return dir.resolve("flows");
    }

    public Path agentsDir() {
        return dir.resolve("agents");
    }

    public Path policiesDir() {
        return dir.resolve("policies");
    }

    public Path playbooksDir() {
        return dir.resolve("playbooks");
    }

    /** Where Solo keeps its data and derived files (database, index, outbox). */
    public Path dataDir() {
        return dir.resolve(".solo");
    }

    /** The database URL in effect: {@code SOLO_DB_URL}, else solo.yaml's {@code database.url}, else none. */
    public String databaseUrl() {
        String env = System.getenv("SOLO_DB_URL");
        return env != null && !env.isBlank() ? env : config.databaseUrl();
    }

    public Path sqliteFile() {
        return dataDir().resolve("solo.db");
    }
}
