package solo.execution.email;

import java.util.regex.Pattern;
import solo.state.audit.HashChain;

/**
 * Message-IDs made from an action's idempotency key, never at random: the same action always produces
 * the same Message-ID, which is how a repeat is recognized by Solo and by the outside world.
 */
public final class MessageIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*");

    private MessageIds() {}

    /**
     * The key as a token fit for a Message-ID's left part and a file name: the key itself when it is
     * already made of letters, digits, '_', '-' and single dots; otherwise its safe characters and a
     * hash of the whole key, so that different keys never share a token.
     */
    public static String token(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new EmailException("an email needs an idempotency key (derived from its run and step)");
        }
        if (idempotencyKey.length() <= 120 && SAFE.matcher(idempotencyKey).matches()) {
            return idempotencyKey;
        }
        String readable = idempotencyKey.replaceAll("[^A-Za-z0-9_-]+", "-");
        readable = readable.substring(0, Math.min(readable.length(), 80)).replaceAll("^-+|-+$", "");
        String hash = HashChain.sha256(idempotencyKey).substring(0, 16);
        return readable.isEmpty() ? hash : readable + "-" + hash;
    }

    /** {@code <TOKEN@DOMAIN>}. */
    public static String messageId(String idempotencyKey, String domain) {
        return "<" + token(idempotencyKey) + "@" + domain + ">";
    }
}
