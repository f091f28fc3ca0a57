package solo.execution.tool;

/** One result of a memory search: an artifact or entity, a short excerpt, its score. */
public record MemoryHit(String id, String kind, String title, String excerpt, double score) {}
