package solo.memory.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An artifact as memory sees it: text plus the metadata that scope, filter and rank it. The store's
 * artifacts map onto this one-to-one; so do the benchmark's documents.
 *
 * @param sourceId  the artifact id
 * @param entityIds the entities it is attached to (at least one; scope filters match on these)
 * @param kind      note, email, message, document, transcript…
 * @param author    who wrote it, or empty
 * @param time      when it was written
 * @param thread    the conversation, email thread or session it belongs to, or empty
 * @param title     title or subject, or empty
 * @param text      the full text; long texts are chunked on ingest
 */
public record MemoryDocument(
        String sourceId,
        List<String> entityIds,
        String kind,
        String author,
        Instant time,
        String thread,
        String title,
        String text) {

    public MemoryDocument {
        Objects.requireNonNull(sourceId, "sourceId");
        entityIds = List.copyOf(entityIds);
        if (entityIds.isEmpty()) {
            throw new IllegalArgumentException("artifact " + sourceId + " is attached to no entity");
        }
        kind = Objects.requireNonNullElse(kind, "");
        author = Objects.requireNonNullElse(author, "");
        Objects.requireNonNull(time, "time");
        thread = Objects.requireNonNullElse(thread, "");
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(text, "text");
    }
}
