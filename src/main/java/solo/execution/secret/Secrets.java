package solo.execution.secret;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import solo.state.storage.Storage;
import solo.support.Ids;

/**
 * The company's secrets (API keys, SMTP passwords), sealed with AES-GCM in the database under a key that
 * lives outside the company folder ({@link SecretKeys}). Values are returned only to code that uses
 * them; nothing here prints or logs one.
 */
public final class Secrets implements SecretResolver {
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");
    static final int MAX_VALUE_BYTES = 64 * 1024;

    private record Keyring(String companyId, String keyCheck) {}

    private final Storage storage;
    private final Path companyDir;
    private final SecretKeys keys;
    private final Map<String, String> env;
    private final Clock clock;
    private volatile SecretKey key;

    public Secrets(Storage storage, Path companyDir, SecretKeys keys, Map<String, String> env, Clock clock) {
        this.storage = storage;
        this.companyDir = companyDir;
        this.keys = keys;
        this.env = env;
        this.clock = clock;
    }

    /** Seals and stores the value under the name, replacing any value it had. */
    public SecretInfo set(String name, String value) {
        checkName(name);
        if (value == null || value.isEmpty()) {
            throw new SecretException("secret " + name + ": the value is empty");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
            throw new SecretException("secret " + name + ": the value is over " + MAX_VALUE_BYTES + " bytes");
        }
        String sealed = SecretCipher.seal(key(true), name, value);
        long now = clock.millis();
        storage.write(tx -> tx.update("INSERT INTO secrets (name, sealed, created_at, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at",
                name, sealed, now, now));
        return info(name).orElseThrow();
    }

    /** Names and dates, by name. */
    public List<SecretInfo> list() {
        return storage.read(sql -> sql.query("SELECT name, created_at, updated_at FROM secrets ORDER BY name",
                rs -> new SecretInfo(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                        Instant.ofEpochMilli(rs.getLong(3)))));
    }

    public Optional<SecretInfo> info(String name) {
        return list().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Removes the secret; false when there was none of that name. */
    public boolean remove(String name) {
        checkName(name);
        return storage.write(tx -> tx.update("DELETE FROM secrets WHERE name = ?", name)) > 0;
    }

    /** The value of a secret; refused with a clear reason when it is missing, the key is wrong or it was altered. */
    public String value(String name) {
        checkName(name);
        String sealed = storage.read(sql -> sql.queryOne("SELECT sealed FROM secrets WHERE name = ?",
                rs -> rs.getString(1), name)).orElseThrow(() -> new SecretException(
                        "secret " + name + " is not set (set it with: solo secret set " + name + ")"));
        return SecretCipher.open(key(false), name, sealed);
    }

    @Override
    public String resolve(String reference) {
        if (reference != null && reference.startsWith("secret:")) {
            return value(reference.substring("secret:".length()));
        }
        if (reference != null && reference.startsWith("env:")) {
            String name = reference.substring("env:".length());
            String v = env.get(name);
            if (v == null || v.isEmpty()) {
                throw new SecretException("environment variable " + name + " is not set (referenced as " + reference + ")");
            }
            return v;
        }
        // the text is not echoed: it may be a password typed where a reference belongs
        throw new SecretException("a value was given where a reference belongs: write secret:NAME"
                + " (solo secret set NAME) or env:NAME");
    }

    private static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new SecretException("secret name '" + name + "' must start with a letter and have only letters,"
                    + " digits, '_', '.' or '-' (at most 64)");
        }
    }

    /** The company's key, checked against the keyring; made (with the keyring) on first use when {@code create}. */
    private SecretKey key(boolean create) {
        SecretKey k = key;
        if (k != null) {
            return k;
        }
        Optional<Keyring> ring = keyring();
        if (ring.isEmpty()) {
            if (!create) {
                throw new SecretException("no secrets are set for this company yet (set one with: solo secret set NAME)");
            }
            String companyId = Ids.next("co", clock);
            SecretKey made = keys.loadOrCreate(companyId, companyDir);
            storage.write(tx -> tx.update("INSERT INTO secret_keyring (id, company_id, key_check, created_at)"
                    + " VALUES (1, ?, ?, ?) ON CONFLICT DO NOTHING", companyId, SecretCipher.check(made), clock.millis()));
            ring = keyring();
        }
        Keyring r = ring.orElseThrow();
        k = keys.load(r.companyId());
        if (!SecretCipher.check(k).equals(r.keyCheck())) {
            throw new SecretException("wrong secret key: " + keys.describe(r.companyId()) + " is not the key this"
                    + " company's secrets were sealed with (company id " + r.companyId() + ")");
        }
        key = k;
        return k;
    }

    private Optional<Keyring> keyring() {
        return storage.read(sql -> sql.queryOne("SELECT company_id, key_check FROM secret_keyring WHERE id = 1",
                rs -> new Keyring(rs.getString(1), rs.getString(2))));
    }
}
