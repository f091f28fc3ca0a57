package solo.state;

import java.time.Instant;

/**
 * The immutable record of one change: when, who, why, what before and after. Bodies are kept as the
 * exact JSON text that was hashed; {@code hash} covers every other field and {@code prevHash}.
 *
 * @param subject the entity, artifact or (for links) source entity the change is about
 * @param subjectType the entity type, the artifact kind, or the link type
 * @param object the link's target entity; null for other changes
 * @param version the subject's version after the change, when it has versions
 */
public record Event(
        long seq,
        Instant at,
        Actor actor,
        String reason,
        String kind,
        String subject,
        String subjectType,
        String object,
        Long version,
        String before,
        String after,
        String prevHash,
        String hash) {

    public static final String ENTITY_CREATED = "entity.created";
    public static final String ENTITY_UPDATED = "entity.updated";
    public static final String ENTITY_REVERTED = "entity.reverted";
    public static final String ENTITY_DELETED = "entity.deleted";
    public static final String LINK_ADDED = "link.added";
    public static final String LINK_REMOVED = "link.removed";
    public static final String ARTIFACT_ADDED = "artifact.added";
    public static final String ARTIFACT_UPDATED = "artifact.updated";
    public static final String ARTIFACT_DELETED = "artifact.deleted";

    public boolean isEntityVersion() {
        return kind.startsWith("entity.");
    }
}
