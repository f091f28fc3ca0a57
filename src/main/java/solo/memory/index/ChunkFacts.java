package solo.memory.index;

import java.util.List;
import solo.memory.time.DateRange;

/**
 * What ranking needs to know about a chunk besides its scores, read from doc values (no stored
 * fields, no decompression).
 *
 * @param id        chunk id, the deterministic tie-break
 * @param author    author, or empty
 * @param thread    thread and position, for neighbours
 * @param time      when it was written, epoch millis
 * @param mentioned days its text talks about
 */
public record ChunkFacts(String id, String author, ThreadRef thread, long time, List<DateRange> mentioned) {

    /** Where a chunk sits in its thread. */
    public record ThreadRef(String thread, int pos) {}
}
