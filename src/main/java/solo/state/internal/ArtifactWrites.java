package solo.state.internal;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Event;
import solo.state.NotFoundException;
import solo.state.RefusedWriteException;
import solo.state.StaleVersionException;
import solo.state.audit.HashChain;
import solo.support.Ids;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies changes to artifacts. Their events carry a description and the SHA-256 of the text rather
 * than the text itself, which keeps the log small and still lets an audit notice altered content.
 */
final class ArtifactWrites {
    static final int MAX_BYTES = 64 * 1024 * 1024;
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_.-]{0,62}");

    void add(Applying a, Change.AddArtifact c) throws SQLException {
        if (!KIND.matcher(c.kind()).matches()) {
            throw new RefusedWriteException("artifact kind '" + c.kind() + "' must be lower-case letters, digits, '_', '.' or '-'");
        }
        if (c.text() == null && c.bytes() == null) {
            throw new RefusedWriteException("an artifact needs text or a file");
        }
        if (c.metadata() != null && !c.metadata().isObject()) {
            throw new RefusedWriteException("artifact metadata must be a JSON object");
        }
        for (String entityId : c.entityIds()) {
            EntityRows.find(a.tx, entityId).filter(r -> !r.deleted())
                    .orElseThrow(() -> new NotFoundException("cannot attach to " + entityId + ": no such entity"));
        }
        String id = c.id() != null ? EntityWrites.checkedId(c.id()) : Ids.next("art");
        String sha = null;
        long size = c.text() == null ? 0 : c.text().getBytes(StandardCharsets.UTF_8).length;
        if (c.bytes() != null) {
            if (c.bytes().length > MAX_BYTES) {
                throw new RefusedWriteException("file is " + c.bytes().length + " bytes; the limit is " + MAX_BYTES);
            }
            sha = HashChain.sha256(c.bytes());
            size = c.bytes().length;
            a.tx.update("INSERT INTO blobs (sha256, bytes) VALUES (?, ?) ON CONFLICT DO NOTHING", sha, c.bytes());
        }
        JsonNode metadata = c.metadata() == null ? Json.object() : c.metadata();
        long now = a.at.toEpochMilli();
        int inserted = a.tx.update("INSERT INTO artifacts (id, kind, title, text, file_name, media_type, blob_sha256,"
                + " size, metadata, version, deleted, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0, ?, ?)"
                + " ON CONFLICT DO NOTHING", id, c.kind(), c.title(), c.text(), c.fileName(), c.mediaType(), sha, size,
                Json.write(metadata), now, now);
        if (inserted == 0) {
            throw new RefusedWriteException("artifact " + id + " already exists");
        }
        for (String entityId : c.entityIds()) {
            a.tx.update("INSERT INTO artifact_entities (artifact_id, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    id, entityId);
        }
        Artifact artifact = new Artifact(id, c.kind(), c.title(), c.text(), c.fileName(), c.mediaType(), sha, size,
                metadata, c.entityIds().stream().distinct().sorted().toList(), 1, false, a.at, a.at);
        a.record(Event.ARTIFACT_ADDED, id, c.kind(), null, 1L, null, describe(artifact));
        a.touched(artifact);
    }

    void update(Applying a, Change.UpdateArtifact c) throws SQLException {
        Artifact old = live(a, c.id());
        if (old.version() != c.expectedVersion()) {
            throw new StaleVersionException(c.id(), c.expectedVersion(), old.version());
        }
        if (c.metadata() != null && !c.metadata().isObject()) {
            throw new RefusedWriteException("artifact metadata must be a JSON object");
        }
        String title = c.title() != null ? c.title() : old.title();
        JsonNode metadata = c.metadata() != null ? c.metadata() : old.metadata();
        long version = old.version() + 1;
        a.tx.update("UPDATE artifacts SET title = ?, metadata = ?, version = ?, updated_at = ? WHERE id = ?",
                title, Json.write(metadata), version, a.at.toEpochMilli(), c.id());
        Artifact updated = new Artifact(old.id(), old.kind(), title, old.text(), old.fileName(), old.mediaType(),
                old.blobSha256(), old.size(), metadata, old.entityIds(), version, false, old.createdAt(), a.at);
        a.record(Event.ARTIFACT_UPDATED, old.id(), old.kind(), null, version, describe(old), describe(updated));
        a.touched(updated);
    }

    void attach(Applying a, Change.AttachArtifact c) throws SQLException {
        Artifact old = live(a, c.id());
        if (c.entityIds().isEmpty()) {
            throw new RefusedWriteException("attaching " + c.id() + ": name at least one entity");
        }
        TreeSet<String> entities = new TreeSet<>(old.entityIds());
        for (String entityId : c.entityIds()) {
            EntityRows.find(a.tx, entityId).filter(r -> !r.deleted())
                    .orElseThrow(() -> new NotFoundException("cannot attach " + c.id() + " to " + entityId + ": no such entity"));
            if (entities.add(entityId)) {
                a.tx.update("INSERT INTO artifact_entities (artifact_id, entity_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                        c.id(), entityId);
            }
        }
        reattached(a, old, List.copyOf(entities));
    }

    void detach(Applying a, Change.DetachArtifact c) throws SQLException {
        Artifact old = live(a, c.id());
        TreeSet<String> entities = new TreeSet<>(old.entityIds());
        for (String entityId : c.entityIds()) {
            if (entities.remove(entityId)) {
                a.tx.update("DELETE FROM artifact_entities WHERE artifact_id = ? AND entity_id = ?", c.id(), entityId);
            }
        }
        reattached(a, old, List.copyOf(entities));
    }

    /** A new version of the artifact with {@code entities}; nothing is recorded when they did not change. */
    private static void reattached(Applying a, Artifact old, List<String> entities) throws SQLException {
        if (entities.equals(old.entityIds())) {
            a.touched(old);
            return;
        }
        long version = old.version() + 1;
        a.tx.update("UPDATE artifacts SET version = ?, updated_at = ? WHERE id = ?", version, a.at.toEpochMilli(), old.id());
        Artifact updated = new Artifact(old.id(), old.kind(), old.title(), old.text(), old.fileName(), old.mediaType(),
                old.blobSha256(), old.size(), old.metadata(), entities, version, false, old.createdAt(), a.at);
        a.record(Event.ARTIFACT_UPDATED, old.id(), old.kind(), null, version, describe(old), describe(updated));
        a.touched(updated);
    }

    void delete(Applying a, Change.DeleteArtifact c) throws SQLException {
        Artifact old = live(a, c.id());
        long version = old.version() + 1;
        a.tx.update("UPDATE artifacts SET text = NULL, deleted = 1, version = ?, updated_at = ? WHERE id = ?",
                version, a.at.toEpochMilli(), c.id());
        a.record(Event.ARTIFACT_DELETED, old.id(), old.kind(), null, version, describe(old), null);
    }

    private static Artifact live(Applying a, String id) throws SQLException {
        Optional<Artifact> found = StateReads.artifact(a.tx, id);
        return found.filter(x -> !x.deleted()).orElseThrow(() -> new NotFoundException("no artifact " + id));
    }

    private static String describe(Artifact x) {
        ObjectNode d = Json.object().put("kind", x.kind()).put("title", x.title());
        d.putArray("entities").addAll(x.entityIds().stream().map(Json::tree).toList());
        d.put("file_name", x.fileName()).put("media_type", x.mediaType()).put("blob_sha256", x.blobSha256())
                .put("size", x.size()).put("text_sha256", x.text() == null ? null : HashChain.sha256(x.text()));
        d.set("metadata", x.metadata());
        return Json.write(d);
    }
}
