package solo.state.internal;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import solo.state.Entity;
import solo.state.storage.Sql;
import solo.support.Json;

/** SQL for the entities table. */
final class EntityRows {
    private EntityRows() {}

    /** An entity row, deleted or not, with its body text kept as stored. */
    record Row(String id, String type, long version, String body, boolean deleted, long createdAt, long updatedAt) {
        Entity toEntity() {
            return new Entity(id, type, version, Json.read(body), Instant.ofEpochMilli(createdAt),
                    Instant.ofEpochMilli(updatedAt));
        }
    }

    static Optional<Row> find(Sql sql, String id) throws SQLException {
        return sql.queryOne("SELECT id, type, version, body, deleted, created_at, updated_at FROM entities WHERE id = ?",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5) != 0,
                        rs.getLong(6), rs.getLong(7)), id);
    }

    static void insert(Sql sql, Row row) throws SQLException {
        sql.update("INSERT INTO entities (id, type, version, body, deleted, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", row.id(), row.type(), row.version(), row.body(), row.deleted(),
                row.createdAt(), row.updatedAt());
    }

    /** Writes a new version; the expected old version guards against a concurrent writer in another process. */
    static void update(Sql sql, Row row, long oldVersion) throws SQLException {
        int n = sql.update("UPDATE entities SET version = ?, body = ?, deleted = ?, updated_at = ?"
                + " WHERE id = ? AND version = ?", row.version(), row.body(), row.deleted(), row.updatedAt(),
                row.id(), oldVersion);
        if (n != 1) {
            throw new IllegalStateException("entity " + row.id() + " changed under the write lock");
        }
    }

    static long linkCount(Sql sql, String id) throws SQLException {
        return sql.queryLong("SELECT count(*) FROM links WHERE from_id = ? OR to_id = ?", id, id);
    }

    /** The body an entity had at a version, from its events; null when that version was a deletion. */
    static Optional<Optional<String>> bodyAt(Sql sql, String id, long version) throws SQLException {
        return sql.queryOne("SELECT after_json FROM events WHERE subject = ? AND version = ? AND kind LIKE 'entity.%'",
                rs -> Optional.ofNullable(rs.getString(1)), id, version);
    }
}
