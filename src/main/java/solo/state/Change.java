package solo.state;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** One change to the state, as asked for. Every change that is applied becomes exactly one event. */
public sealed interface Change {

    /** A new entity; {@code id} may be null to have one made from the type. */
    record CreateEntity(String type, String id, JsonNode body) implements Change {
        public CreateEntity {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(body, "body");
        }
    }

    /** Replaces an entity's body; refused unless the entity is still at {@code expectedVersion}. */
    record UpdateEntity(String id, long expectedVersion, JsonNode body) implements Change {
        public UpdateEntity {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(body, "body");
        }
    }

    /** Restores the body an entity had at {@code toVersion}, as a new version. */
    record RevertEntity(String id, long toVersion, long expectedVersion) implements Change {}

    /** Marks an entity deleted (its history stays); refused while links still touch it. */
    record DeleteEntity(String id, long expectedVersion) implements Change {}

    record AddLink(String from, String type, String to) implements Change {}

    record RemoveLink(String from, String type, String to) implements Change {}

    /** New content attached to entities; {@code id} may be null to have one made. */
    record AddArtifact(
            String id,
            String kind,
            String title,
            String text,
            String fileName,
            String mediaType,
            byte[] bytes,
            JsonNode metadata,
            List<String> entityIds) implements Change {
        public AddArtifact {
            Objects.requireNonNull(kind, "kind");
            entityIds = List.copyOf(entityIds);
        }
    }

    /** Changes an artifact's title or metadata (pinning, for instance); its content never changes. */
    record UpdateArtifact(String id, long expectedVersion, String title, JsonNode metadata) implements Change {}

    /** Removes an artifact's content (retention); the record and its event history stay. */
    record DeleteArtifact(String id) implements Change {}
}
