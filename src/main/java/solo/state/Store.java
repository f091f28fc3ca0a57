package solo.state;

import java.util.List;
import java.util.Optional;
import solo.state.audit.ChainReport;
import solo.state.schema.CompanySchema;
import solo.state.storage.Storage;
import solo.state.storage.WriteTx;
import tools.jackson.databind.JsonNode;

/**
 * The company's source of truth. Every write goes through {@link #write}: it is validated, applied and
 * recorded as hash-chained events in one transaction, or refused with nothing written.
 */
public interface Store extends AutoCloseable {

    CompanySchema schema();

    Storage storage();

    // ---- the write path -------------------------------------------------------------------------

    /** Applies the changes atomically and durably; throws a {@link StateException} if any is refused. */
    WriteResult write(Write write);

    /**
     * Applies the changes inside a transaction the caller already holds, so that other layers can commit
     * state writes together with their own rows (a run's step checkpoint). Throws like {@link #write};
     * the caller's transaction must then not commit its own work either.
     */
    WriteResult apply(WriteTx tx, Write write);

    default Entity create(Actor actor, String reason, String type, JsonNode body) {
        return write(Write.of(actor, reason, new Change.CreateEntity(type, null, body))).entity();
    }

    default Entity update(Actor actor, String reason, String id, long expectedVersion, JsonNode body) {
        return write(Write.of(actor, reason, new Change.UpdateEntity(id, expectedVersion, body))).entity();
    }

    default Entity revert(Actor actor, String reason, String id, long toVersion, long expectedVersion) {
        return write(Write.of(actor, reason, new Change.RevertEntity(id, toVersion, expectedVersion))).entity();
    }

    default void link(Actor actor, String reason, String from, String type, String to) {
        write(Write.of(actor, reason, new Change.AddLink(from, type, to)));
    }

    default void unlink(Actor actor, String reason, String from, String type, String to) {
        write(Write.of(actor, reason, new Change.RemoveLink(from, type, to)));
    }

    // ---- reads ----------------------------------------------------------------------------------

    Optional<Entity> find(String id);

    default Entity get(String id) {
        return find(id).orElseThrow(() -> NotFoundException.entity(id));
    }

    /** Entities of one type (or all types when null), by id, after {@code afterId} (null to start). */
    List<Entity> list(String type, String afterId, int limit);

    long count(String type);

    /** Links that leave or reach the entity. */
    List<Link> links(String entityId);

    /** Entities reachable through links in either direction, nearest first, up to {@code depth} links. */
    List<Neighbour> neighbours(String entityId, int depth);

    /** Every event about the entity, oldest first: its versions, and links that leave it. */
    List<Event> history(String entityId);

    /** Every state write one run's steps made, oldest first (what a rollback undoes, see {@link Undo}). */
    List<Event> eventsOfRun(String runId);

    /** Events after a sequence number, oldest first: how derived views (the index) follow the store. */
    List<Event> events(long afterSeq, int limit);

    /** The sequence number of the newest event (0 when there is none). */
    long lastSeq();

    Optional<Artifact> artifact(String id);

    /** Artifacts attached to the entity, newest first. */
    List<Artifact> artifacts(String entityId, int limit);

    Optional<byte[]> blob(String sha256);

    /** Walks the whole event chain and checks every hash; the report names the first broken event. */
    ChainReport verify();

    @Override
    void close();
}
