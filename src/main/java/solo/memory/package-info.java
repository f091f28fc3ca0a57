/**
 * Memory: context that is cheap to find and reuse.
 *
 * <p>Phase A holds the store-independent retrieval engine: {@link solo.memory.ingest} (the one path
 * content takes into memory), {@link solo.memory.index} (the Lucene index of chunks),
 * {@link solo.memory.embed} (in-process embedding models), {@link solo.memory.retrieval} (hybrid,
 * always-scoped ranking), {@link solo.memory.time} (dates in questions and texts) and
 * {@link solo.memory.eval} (the retrieval benchmark). {@link solo.memory.MemoryEngine} wires them.
 * See {@code README.md} in this folder for the design and its measurements.
 */
package solo.memory;
