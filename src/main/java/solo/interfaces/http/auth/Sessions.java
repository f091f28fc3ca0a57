package solo.interfaces.http.auth;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open cockpit sessions, in this process's memory: a restart asks the operator to log in again, which
 * costs one paste of the token and keeps session ids out of the database. A session ends when unused
 * for the configured hours, at logout, or when the access token is replaced.
 */
public final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final AccessTokens tokens;
    private final long idleMillis;
    private final Map<String, Session> open = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();

    public Sessions(AccessTokens tokens, Duration idle) {
        this.tokens = tokens;
        this.idleMillis = idle.toMillis();
    }

    /** Opens a session for the bearer of this token; empty when the token is not the operator's. */
    public Optional<Session> open(String token) {
        if (!tokens.matches(token)) {
            return Optional.empty();
        }
        purgeIdle();
        Session s = new Session(random(), random(), tokens.current().orElseThrow(), System.currentTimeMillis());
        open.put(s.id(), s);
        lastSeen.put(s.id(), s.createdAt());
        return Optional.of(s);
    }

    /** The live session with this id, if any (and notes that it was used). */
    public Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = open.get(id);
        long now = System.currentTimeMillis();
        if (s == null) {
            return Optional.empty();
        }
        Long seen = lastSeen.get(id);
        if (seen == null || now - seen > idleMillis || !s.tokenSha256().equals(tokens.current().orElse(""))) {
            close(id);
            return Optional.empty();
        }
        lastSeen.put(id, now);
        return Optional.of(s);
    }

    /** Forgets sessions nobody used for too long (else logins without logouts would pile up). */
    private void purgeIdle() {
        long now = System.currentTimeMillis();
        lastSeen.forEach((id, seen) -> {
            if (now - seen > idleMillis) {
                close(id);
            }
        });
    }

    public void close(String id) {
        if (id != null) {
            open.remove(id);
            lastSeen.remove(id);
        }
    }

    /** Compares a CSRF token in constant time. */
    public static boolean csrfMatches(Session s, String given) {
        return given != null && MessageDigest.isEqual(s.csrf().getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII));
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
