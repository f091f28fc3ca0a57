package solo.app;

import solo.execution.email.EmailReceived;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An inbound email as {@code email.received} triggers see it (the CEL variable {@code email}, a run's default input). */
final class EmailTriggerView {
    private EmailTriggerView() {}

    static JsonNode of(EmailReceived m) {
        ObjectNode o = Json.object().put("artifact_id", m.artifactId()).put("message_id", m.messageId())
                .put("thread_id", m.threadId()).put("from", m.from())
                .put("from_name", m.fromName() == null ? "" : m.fromName()).put("subject", m.subject())
                .put("source", m.source()).put("received_at", m.receivedAt().toString());
        o.set("to", Json.tree(m.to()));
        o.set("entities", Json.tree(m.entityIds()));
        return o;
    }
}
