package solo.memory.retrieval;

import solo.memory.index.Chunk;

/**
 * One retrieved chunk with its fused score and the signals behind it (kept so that a context pack
 * or a debugging operator can see why it ranked where it did).
 */
public record Hit(Chunk chunk, double score, double lexical, double semantic) {}
