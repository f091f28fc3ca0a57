package solo.state.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Link;
import solo.state.Neighbour;
import solo.state.Store;
import solo.state.Write;
import solo.state.WriteResult;
import solo.state.audit.ChainReport;
import solo.state.audit.ChainVerifier;
import solo.state.schema.CompanySchema;
import solo.state.storage.Storage;
import solo.state.storage.StorageException;
import solo.state.storage.WriteTx;

/** The store over a {@link Storage}: one write path, plain queries for reads. */
public final class DefaultStore implements Store {
    private final Storage storage;
    private final CompanySchema schema;
    private final ChangeApplier applier;

    public DefaultStore(Storage storage, CompanySchema schema, Clock clock) {
        this.storage = storage;
        this.schema = schema;
        this.applier = new ChangeApplier(schema, clock);
    }

    @Override
    public CompanySchema schema() {
        return schema;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public WriteResult write(Write write) {
        Prechecked prechecked = precheck(write);
        return storage.write(tx -> applier.apply(tx, write, prechecked));
    }

    /** Checks and serializes new bodies on the caller's thread; failures surface here, before queueing. */
    private Prechecked precheck(Write write) {
        Prechecked prechecked = new Prechecked();
        for (Change change : write.changes()) {
            if (change instanceof Change.CreateEntity c) {
                schema.find(c.type()).ifPresent(t -> prechecked.put(c.body(), t.name(), EntityWrites.checkedBody(t, c.body())));
            } else if (change instanceof Change.UpdateEntity u) {
                storage.read(sql -> sql.queryOne("SELECT type FROM entities WHERE id = ?", rs -> rs.getString(1), u.id()))
                        .flatMap(schema::find)
                        .ifPresent(t -> prechecked.put(u.body(), t.name(), EntityWrites.checkedBody(t, u.body())));
            }
        }
        return prechecked;
    }

    @Override
    public WriteResult apply(WriteTx tx, Write write) {
        try {
            return applier.apply(tx, write, Prechecked.NONE);
        } catch (SQLException e) {
            throw new StorageException(storage.kind() + ": write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Entity> find(String id) {
        return storage.read(sql -> StateReads.entity(sql, id));
    }

    @Override
    public List<Entity> list(String type, String afterId, int limit) {
        return storage.read(sql -> StateReads.list(sql, type, afterId, limit));
    }

    @Override
    public long count(String type) {
        return storage.read(sql -> StateReads.count(sql, type));
    }

    @Override
    public List<Link> links(String entityId) {
        return storage.read(sql -> StateReads.links(sql, entityId));
    }

    @Override
    public List<Neighbour> neighbours(String entityId, int depth) {
        return storage.read(sql -> StateReads.neighbours(sql, entityId, depth));
    }

    @Override
    public List<Event> history(String entityId) {
        return storage.read(sql -> StateReads.history(sql, entityId));
    }

    @Override
    public List<Event> eventsOfRun(String runId) {
        return storage.read(sql -> sql.query("SELECT " + EventLog.COLUMNS + " FROM events WHERE run_id = ? ORDER BY seq",
                Rows::event, runId));
    }

    @Override
    public List<Event> events(long afterSeq, int limit) {
        return storage.read(sql -> EventLog.after(sql, afterSeq, limit));
    }

    @Override
    public long lastSeq() {
        return storage.read(StateReads::lastSeq);
    }

    @Override
    public Optional<Artifact> artifact(String id) {
        return storage.read(sql -> StateReads.artifact(sql, id));
    }

    @Override
    public List<Artifact> artifacts(String entityId, int limit) {
        return storage.read(sql -> StateReads.artifacts(sql, entityId, limit));
    }

    @Override
    public Optional<byte[]> blob(String sha256) {
        return storage.read(sql -> StateReads.blob(sql, sha256));
    }

    @Override
    public ChainReport verify() {
        return new ChainVerifier(storage, this::events).verify();
    }

    @Override
    public void close() {
        storage.close();
    }
}
