package solo.execution.secret;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Where the key that seals a company's secrets comes from: the {@code SOLO_SECRET_KEY} environment
 * variable (base64 of 32 bytes), else a file {@code <keys dir>/<company id>.key} readable by its owner
 * only. The keys folder is {@code -Dsolo.keys.dir}, else {@code $XDG_CONFIG_HOME/solo/keys}, else
 * {@code ~/.config/solo/keys}; it is refused inside the company folder, which is kept under git.
 */
public final class SecretKeys {
    public static final String ENV = "SOLO_SECRET_KEY";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final Path keysDir;
    private final Map<String, String> env;

    public SecretKeys(Path keysDir, Map<String, String> env) {
        this.keysDir = keysDir.toAbsolutePath().normalize();
        this.env = env;
    }

    /** The keys folder and environment of this process. */
    public static SecretKeys standard() {
        return new SecretKeys(defaultDir(System.getenv()), System.getenv());
    }

    /** The keys folder for this environment: {@code -Dsolo.keys.dir}, {@code $XDG_CONFIG_HOME/solo/keys}, {@code ~/.config/solo/keys}. */
    public static Path defaultDir(Map<String, String> env) {
        String property = System.getProperty("solo.keys.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("solo").resolve("keys");
    }

    public Path file(String companyId) {
        return keysDir.resolve(companyId + ".key");
    }

    /** Says where the key is taken from, for error messages (never the key itself). */
    public String describe(String companyId) {
        return env.containsKey(ENV) ? "the " + ENV + " environment variable" : "the key file " + file(companyId);
    }

    /** The key, or a {@link SecretException} saying where it was looked for. */
    public SecretKey load(String companyId) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null) {
            return decode(fromEnv.trim(), "the " + ENV + " environment variable");
        }
        Path file = file(companyId);
        if (!Files.isRegularFile(file)) {
            throw new SecretException("no secret key: " + file + " is missing and " + ENV + " is not set"
                    + " (restore the key file this company's secrets were sealed with)");
        }
        try {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")
                    && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
                throw new SecretException(file + ": the secret key is readable by others (run: chmod 600 " + file + ")");
            }
            return decode(Files.readString(file).trim(), file.toString());
        } catch (IOException e) {
            throw new SecretException(file + ": cannot read the secret key: " + e.getMessage(), e);
        }
    }

    /** Loads the key, creating the key file (0600) first when there is neither a file nor the variable. */
    public SecretKey loadOrCreate(String companyId, Path companyDir) {
        if (env.containsKey(ENV) || Files.isRegularFile(file(companyId))) {
            return load(companyId);
        }
        if (keysDir.startsWith(companyDir.toAbsolutePath().normalize())) {
            throw new SecretException("the secret key folder " + keysDir + " is inside the company folder;"
                    + " keys must live outside it (set " + ENV + " or -Dsolo.keys.dir)");
        }
        create(file(companyId));
        return load(companyId);
    }

    private static void create(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), ".key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(temp, Base64.getEncoder().encodeToString(SecretCipher.newKeyBytes()) + "\n",
                        StandardCharsets.US_ASCII);
                // A hard link never replaces an existing file: if another process made the key first, theirs stays.
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // the other process's key is the company's key
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new SecretException(file + ": cannot create the secret key: " + e.getMessage(), e);
        }
    }

    private static SecretKey decode(String text, String where) {
        try {
            return SecretCipher.key(Base64.getDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new SecretException(where + ": the secret key is not base64 of 32 bytes");
        } catch (SecretException e) {
            throw new SecretException(where + ": " + e.getMessage());
        }
    }
}
