package solo.memory.index;

/** A chunk with its two embeddings: on its own, and read after the chunk before it in its thread. */
public record IndexedChunk(Chunk chunk, float[] vector, float[] contextVector) {}
