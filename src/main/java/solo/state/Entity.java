package solo.state;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** A canonical record of a declared type: its body satisfies the type's JSON Schema. */
public record Entity(String id, String type, long version, JsonNode body, Instant createdAt, Instant updatedAt) {

    /** A short human label: the body's {@code name} or {@code title}, else the id. */
    public String label() {
        for (String field : new String[] {"name", "title", "subject", "number"}) {
            JsonNode value = body.get(field);
            if (value != null && value.isValueNode() && !value.asString().isBlank()) {
                return value.asString();
            }
        }
        return id;
    }
}
