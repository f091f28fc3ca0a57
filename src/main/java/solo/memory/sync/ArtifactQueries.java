package solo.memory.sync;

import java.util.List;
import java.util.Optional;
import solo.state.Artifact;
import solo.state.Store;

/**
 * The few artifact reads memory needs that {@link Store} does not offer (by kind, by age, an entity's
 * latest summary). Read-only SQL over the state layer's tables, kept in this one class; every write still
 * goes through {@link Store#write}.
 */
public final class ArtifactQueries {
    private final Store store;

    public ArtifactQueries(Store store) {
        this.store = store;
    }

    /** Live artifacts of a kind created before a time (epoch millis), oldest first. */
    public List<String> ofKindBefore(String kind, long beforeMillis, int limit) {
        return store.storage().read(sql -> sql.query("SELECT id FROM artifacts WHERE kind = ? AND deleted = 0"
                + " AND created_at < ? ORDER BY created_at, id LIMIT ?", rs -> rs.getString(1), kind, beforeMillis, limit));
    }

    /** Ids of every live artifact of a kind (summaries, to see what they cite). */
    public List<String> ofKind(String kind) {
        return store.storage().read(sql -> sql.query("SELECT id FROM artifacts WHERE kind = ? AND deleted = 0 ORDER BY id",
                rs -> rs.getString(1), kind));
    }

    /** The newest live artifact of a kind attached to an entity. */
    public Optional<Artifact> latest(String entityId, String kind) {
        Optional<String> id = store.storage().read(sql -> sql.queryOne("SELECT a.id FROM artifacts a"
                + " JOIN artifact_entities ae ON ae.artifact_id = a.id WHERE ae.entity_id = ? AND a.kind = ? AND a.deleted = 0"
                + " ORDER BY a.created_at DESC, a.id DESC LIMIT 1", rs -> rs.getString(1), entityId, kind));
        return id.flatMap(store::artifact);
    }

    /** Live artifacts of a kind attached to an entity, newest first. */
    public List<Artifact> attached(String entityId, String kind, int limit) {
        List<String> ids = store.storage().read(sql -> sql.query("SELECT a.id FROM artifacts a"
                + " JOIN artifact_entities ae ON ae.artifact_id = a.id WHERE ae.entity_id = ? AND a.kind = ? AND a.deleted = 0"
                + " ORDER BY a.created_at DESC, a.id DESC LIMIT ?", rs -> rs.getString(1), entityId, kind, limit));
        return ids.stream().map(store::artifact).flatMap(Optional::stream).toList();
    }
}
