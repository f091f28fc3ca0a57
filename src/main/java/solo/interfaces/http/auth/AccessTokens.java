package solo.interfaces.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import solo.state.audit.HashChain;
import solo.state.storage.Storage;

/**
 * The operator's access token: 256 random bits, shown once when made ({@code solo init}, {@code solo token
 * new}) and kept only as its SHA-256 in the database, so that every Solo process on one PostgreSQL
 * accepts the same token. Checking a token reads the stored hash at most once a second (a replaced
 * token stops working within that second, and a busy API does not read the database per request).
 */
public final class AccessTokens {
    static final String PREFIX = "solo_";
    private static final String NAME = "operator";
    private static final long CACHE_MILLIS = 1_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Storage storage;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(Optional<String> sha256, long readAt) {}

    public AccessTokens(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    /** Whether a token was ever made for this company. */
    public boolean exists() {
        return current().isPresent();
    }

    /** Makes a new token, replacing the old one (which stops working), and returns it: the only time it is seen. */
    public String replace() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String sha = HashChain.sha256(token.getBytes(StandardCharsets.UTF_8));
        storage.write(tx -> {
            if (tx.update("UPDATE access_tokens SET token_sha256 = ?, created_at = ? WHERE name = ?", sha, clock.millis(),
                    NAME) == 0) {
                tx.update("INSERT INTO access_tokens (name, token_sha256, created_at) VALUES (?, ?, ?)", NAME, sha,
                        clock.millis());
            }
            return null;
        });
        cached = null;
        return token;
    }

    /** Whether the token is the operator's, compared in constant time. */
    public boolean matches(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 200) {
            return false;
        }
        Optional<String> stored = current();
        if (stored.isEmpty()) {
            return false;
        }
        byte[] given = HashChain.sha256(token.getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, stored.get().getBytes(StandardCharsets.US_ASCII));
    }

    /** The stored hash (sessions remember it: a replaced token ends the sessions it opened). */
    public Optional<String> current() {
        Cached c = cached;
        long now = System.nanoTime() / 1_000_000;
        if (c == null || now - c.readAt() > CACHE_MILLIS) {
            c = new Cached(storage.read(sql -> sql.queryOne("SELECT token_sha256 FROM access_tokens WHERE name = ?",
                    rs -> rs.getString(1), NAME)), now);
            cached = c;
        }
        return c.sha256();
    }
}
