package solo.memory.index;

/**
 * Where a chunk sits: its number within its source and its character span in the source's text
 * ({@code start} inclusive, {@code end} exclusive), so that a hit can be traced back and quoted.
 */
public record ChunkPosition(int ordinal, int start, int end) {
    public ChunkPosition {
        if (ordinal < 0 || start < 0 || end < start) {
            throw new IllegalArgumentException("bad chunk position " + ordinal + " [" + start + "," + end + ")");
        }
    }
}
