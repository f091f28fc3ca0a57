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

    /**
     * Attaches an existing artifact to more entities (an email that arrived before its sender was a lead);
     * the ones it already has are kept. The artifact gets a new version, its event lists both sets.
     */
    record AttachArtifact(String id, List<String> entityIds) implements Change {
        public AttachArtifact {
            Objects.requireNonNull(id, "id");
            entityIds = List.copyOf(entityIds);
        }
    }

    /** Detaches an artifact from entities (what undoing an attachment does); the artifact itself stays. */
    record DetachArtifact(String id, List<String> entityIds) implements Change {
        public DetachArtifact {
            Objects.requireNonNull(id, "id");
            entityIds = List.copyOf(entityIds);
        }
    }

    /** Removes an artifact's content (retention); the record and its event history stay. */
    record DeleteArtifact(String id) implements Change {}

    /**
     * Records something that happened without changing an entity, a link or an artifact: an operator's
     * decision in the inbox, a run rolled back. It becomes one event in the hash chain like any other change.
     *
     * @param kind what happened, {@code domain.verb} in lower case ({@code inbox.approved}, {@code run.rolled_back});
     *     the domains of the state's own events ({@code entity}, {@code link}, {@code artifact}) are refused
     * @param subject what it is about (a run's id), so that {@link Store#history} finds it
     * @param subjectType the kind of subject ({@code run})
     * @param data what the event says beyond its reason (a JSON object), or null
     */
    record RecordEvent(String kind, String subject, String subjectType, JsonNode data) implements Change {
        public RecordEvent {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(subject, "subject");
        }
    }
}
