package solo.state.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import solo.state.Artifact;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Link;
import solo.state.Neighbour;
import solo.state.storage.Sql;

/** The state layer's queries. Deleted entities and artifacts are invisible here except in history. */
final class StateReads {
    private static final int IN_CHUNK = 500;

    private StateReads() {}

    static Optional<Entity> entity(Sql sql, String id) throws SQLException {
        return sql.queryOne("SELECT " + Rows.ENTITY + " FROM entities WHERE id = ? AND deleted = 0", Rows::entity, id);
    }

    static List<Entity> list(Sql sql, String type, String afterId, int limit) throws SQLException {
        String after = afterId == null ? "" : afterId;
        return type == null
                ? sql.query("SELECT " + Rows.ENTITY + " FROM entities WHERE deleted = 0 AND id > ? ORDER BY id LIMIT ?",
                        Rows::entity, after, limit)
                : sql.query("SELECT " + Rows.ENTITY + " FROM entities WHERE type = ? AND deleted = 0 AND id > ?"
                        + " ORDER BY id LIMIT ?", Rows::entity, type, after, limit);
    }

    static long count(Sql sql, String type) throws SQLException {
        return type == null ? sql.queryLong("SELECT count(*) FROM entities WHERE deleted = 0")
                : sql.queryLong("SELECT count(*) FROM entities WHERE type = ? AND deleted = 0", type);
    }

    static List<Link> links(Sql sql, String id) throws SQLException {
        return sql.query("SELECT from_id, type, to_id, created_at FROM links WHERE from_id = ?"
                + " UNION ALL SELECT from_id, type, to_id, created_at FROM links WHERE to_id = ?"
                + " ORDER BY 2, 1, 3", Rows::link, id, id);
    }

    static List<Neighbour> neighbours(Sql sql, String id, int depth) throws SQLException {
        Set<String> seen = new HashSet<>(Set.of(id));
        List<String> frontier = List.of(id);
        List<Neighbour> out = new ArrayList<>();
        for (int d = 1; d <= depth && !frontier.isEmpty(); d++) {
            Set<String> inFrontier = new HashSet<>(frontier);
            List<Link> links = linksTouching(sql, frontier);
            links.sort(Comparator.comparing(Link::type).thenComparing(Link::from).thenComparing(Link::to));
            Map<String, Link> via = new HashMap<>();
            for (Link link : links) {
                String other = inFrontier.contains(link.from()) ? link.to() : link.from();
                if (seen.add(other)) {
                    via.put(other, link);
                }
            }
            Map<String, Entity> found = entities(sql, via.keySet());
            List<String> next = new ArrayList<>();
            for (Link link : links) {
                String other = inFrontier.contains(link.from()) ? link.to() : link.from();
                Entity e = found.get(other);
                if (e != null && via.get(other) == link) {
                    out.add(new Neighbour(e, d, link, inFrontier.contains(link.from())));
                    next.add(other);
                }
            }
            frontier = next;
        }
        return out;
    }

    private static List<Link> linksTouching(Sql sql, List<String> ids) throws SQLException {
        List<Link> links = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            String in = placeholders(chunk.size());
            Object[] params = new Object[chunk.size() * 2];
            for (int i = 0; i < chunk.size(); i++) {
                params[i] = chunk.get(i);
                params[chunk.size() + i] = chunk.get(i);
            }
            links.addAll(sql.query("SELECT from_id, type, to_id, created_at FROM links WHERE from_id IN (" + in
                    + ") UNION SELECT from_id, type, to_id, created_at FROM links WHERE to_id IN (" + in + ")",
                    Rows::link, params));
        }
        return links;
    }

    static Map<String, Entity> entities(Sql sql, Collection<String> ids) throws SQLException {
        Map<String, Entity> out = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(ids))) {
            for (Entity e : sql.query("SELECT " + Rows.ENTITY + " FROM entities WHERE deleted = 0 AND id IN ("
                    + placeholders(chunk.size()) + ")", Rows::entity, chunk.toArray())) {
                out.put(e.id(), e);
            }
        }
        return out;
    }

    static List<Event> history(Sql sql, String entityId) throws SQLException {
        return sql.query("SELECT " + EventLog.COLUMNS + " FROM events WHERE subject = ? ORDER BY seq",
                Rows::event, entityId);
    }

    static long lastSeq(Sql sql) throws SQLException {
        return sql.queryLong("SELECT seq FROM chain_head WHERE id = 1");
    }

    static Optional<Artifact> artifact(Sql sql, String id) throws SQLException {
        return sql.queryOne("SELECT " + Rows.artifactColumns(sql.dialect()) + " FROM artifacts a"
                + " LEFT JOIN artifact_entities ae ON ae.artifact_id = a.id WHERE a.id = ? GROUP BY a.id",
                Rows::artifact, id);
    }

    static List<Artifact> artifacts(Sql sql, String entityId, int limit) throws SQLException {
        return sql.query("SELECT " + Rows.artifactColumns(sql.dialect()) + " FROM artifacts a"
                + " JOIN artifact_entities ae ON ae.artifact_id = a.id"
                + " WHERE a.deleted = 0 AND a.id IN (SELECT artifact_id FROM artifact_entities WHERE entity_id = ?)"
                + " GROUP BY a.id ORDER BY a.created_at DESC, a.id DESC LIMIT ?", Rows::artifact, entityId, limit);
    }

    static Optional<byte[]> blob(Sql sql, String sha256) throws SQLException {
        return sql.queryOne("SELECT bytes FROM blobs WHERE sha256 = ?", rs -> rs.getBytes(1), sha256);
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            out.add(ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)));
        }
        return out;
    }

    private static String placeholders(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "?").collect(Collectors.joining(", "));
    }
}
