package solo.state.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import solo.state.Artifact;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Write;
import solo.state.WriteResult;
import solo.state.storage.WriteTx;

/** One write being applied: its transaction, its time, and what it has done so far. */
final class Applying {
    final WriteTx tx;
    final Write write;
    final Instant at;
    final Prechecked prechecked;
    private final EventLog log;
    private final List<Event> events = new ArrayList<>();
    private final Map<String, Entity> entities = new LinkedHashMap<>();
    private final Map<String, Artifact> artifacts = new LinkedHashMap<>();

    Applying(WriteTx tx, Write write, Instant at, EventLog log, Prechecked prechecked) {
        this.tx = tx;
        this.write = write;
        this.at = at;
        this.prechecked = prechecked;
        this.log = log;
    }

    Event record(String kind, String subject, String subjectType, String object, Long version, String before,
            String after) throws SQLException {
        Event e = log.append(tx, at, write.actor(), write.reason(), kind, subject, subjectType, object, version,
                before, after);
        events.add(e);
        return e;
    }

    void touched(Entity entity) {
        entities.put(entity.id(), entity);
    }

    void gone(String entityId) {
        entities.remove(entityId);
    }

    void touched(Artifact artifact) {
        artifacts.put(artifact.id(), artifact);
    }

    WriteResult result() {
        return new WriteResult(List.copyOf(events), List.copyOf(entities.values()), List.copyOf(artifacts.values()));
    }
}
