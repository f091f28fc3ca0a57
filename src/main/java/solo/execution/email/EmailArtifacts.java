package solo.execution.email;

import java.util.List;
import solo.state.Change;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An email as an artifact of kind {@code email}: its text indexed, its raw message kept as the file. */
final class EmailArtifacts {
    static final String KIND = "email";
    /** Raw messages above this are stored as text only (the attachments make them large). */
    static final int MAX_RAW_BYTES = 10 * 1024 * 1024;

    private EmailArtifacts() {}

    static Change.AddArtifact change(EmailContent c, byte[] raw, String fileName, ObjectNode metadata, List<String> entityIds) {
        ObjectNode m = Json.object();
        m.put("message_id", c.messageId());
        m.put("from", c.from());
        if (c.fromName() != null) {
            m.put("from_name", c.fromName());
        }
        m.set("to", strings(c.to()));
        m.set("cc", strings(c.cc()));
        m.put("subject", c.subject());
        m.put("date", c.date() == null ? null : c.date().toString());
        m.put("in_reply_to", c.inReplyTo());
        m.set("references", strings(c.references()));
        ArrayNode attachments = m.putArray("attachments");
        for (EmailContent.Attachment a : c.attachments()) {
            attachments.add(Json.object().put("name", a.name()).put("media_type", a.mediaType()).put("size", a.size())
                    .put("kept_as_text", a.text() != null));
        }
        m.setAll(metadata);
        boolean keepRaw = raw != null && raw.length <= MAX_RAW_BYTES;
        return new Change.AddArtifact(null, KIND, c.title(), c.text(), keepRaw ? fileName : null,
                keepRaw ? "message/rfc822" : "text/plain", keepRaw ? raw : null, m, entityIds);
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = Json.mapper().createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
