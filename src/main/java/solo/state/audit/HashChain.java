package solo.state.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How an event's hash is computed: SHA-256 over the previous event's hash and the event's fields as a
 * JSON array (so that no two different events can serialize alike). The first event's previous hash is
 * {@link #GENESIS}.
 */
public final class HashChain {
    public static final String GENESIS = "0".repeat(64);

    private HashChain() {}

    public static String hash(String prevHash, long seq, long atMillis, String actor, String reason, String kind,
            String subject, String subjectType, String object, Long version, String before, String after) {
        ArrayNode fields = JsonNodeFactory.instance.arrayNode()
                .add(seq).add(atMillis).add(actor).add(reason).add(kind).add(subject).add(subjectType).add(object);
        if (version == null) {
            fields.addNull();
        } else {
            fields.add(version.longValue());
        }
        fields.add(before).add(after);
        return sha256(prevHash + "\n" + Json.write(fields));
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
