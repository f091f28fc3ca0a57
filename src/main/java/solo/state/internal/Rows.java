package solo.state.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Link;
import solo.state.storage.Dialect;
import solo.support.Json;

/** Maps rows of the state tables to records. */
final class Rows {
    static final String ENTITY = "id, type, version, body, created_at, updated_at";

    /** Artifact columns followed by the attached entity ids; the query must GROUP BY a.id. */
    static String artifactColumns(Dialect dialect) {
        return "a.id, a.kind, a.title, a.text, a.file_name, a.media_type, a.blob_sha256, a.size, a.metadata,"
                + " a.version, a.deleted, a.created_at, a.updated_at, " + dialect.joinWithSpaces("ae.entity_id");
    }

    private Rows() {}

    static Entity entity(ResultSet rs) throws SQLException {
        return new Entity(rs.getString(1), rs.getString(2), rs.getLong(3), Json.read(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)));
    }

    static Link link(ResultSet rs) throws SQLException {
        return new Link(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4)));
    }

    static Event event(ResultSet rs) throws SQLException {
        long version = rs.getLong(9);
        Long v = rs.wasNull() ? null : version;
        return new Event(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), Actor.parse(rs.getString(3)),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), v,
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
    }

    /** Columns: the artifact's own, then its entity ids joined by spaces. */
    static Artifact artifact(ResultSet rs) throws SQLException {
        String ids = rs.getString(14);
        List<String> entityIds = ids == null || ids.isBlank() ? List.of() : Arrays.stream(ids.split(" ")).sorted().toList();
        return new Artifact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getLong(8), Json.read(rs.getString(9)), entityIds,
                rs.getLong(10), rs.getInt(11) != 0, Instant.ofEpochMilli(rs.getLong(12)),
                Instant.ofEpochMilli(rs.getLong(13)));
    }
}
