package solo.memory.index;

import java.util.List;
import java.util.Objects;

/**
 * One indexed piece of an artifact's text, with the metadata memory filters and ranks on.
 *
 * @param id        unique chunk id, {@code sourceId#ordinal}
 * @param sourceId  the artifact the chunk comes from
 * @param position  chunk number and character span within the source
 * @param entityIds the entities the source is attached to (scope filters match on these); sorted
 * @param kind      artifact kind (note, email, message, document…)
 * @param author    who wrote it; empty when unknown
 * @param time      when it was written, epoch millis
 * @param thread    the conversation, email thread or session it belongs to; the source id when none
 * @param threadPos position of the chunk within its thread, in arrival order (neighbours are ±1)
 * @param title     a title or subject; empty when none
 * @param text      the chunk's text
 */
public record Chunk(
        String id,
        String sourceId,
        ChunkPosition position,
        List<String> entityIds,
        String kind,
        String author,
        long time,
        String thread,
        int threadPos,
        String title,
        String text) {

    public Chunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(position, "position");
        entityIds = entityIds.stream().sorted().distinct().toList();
        kind = Objects.requireNonNullElse(kind, "");
        author = Objects.requireNonNullElse(author, "");
        thread = thread == null || thread.isEmpty() ? sourceId : thread;
        title = Objects.requireNonNullElse(title, "");
        Objects.requireNonNull(text, "text");
    }

    public static String chunkId(String sourceId, int ordinal) {
        return sourceId + "#" + ordinal;
    }
}
