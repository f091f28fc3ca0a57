package solo.memory.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import solo.memory.embed.Embedder;
import solo.memory.index.Chunk;
import solo.memory.index.ChunkIndex;
import solo.memory.index.ChunkPosition;
import solo.memory.index.Chunker;
import solo.memory.index.IndexView;
import solo.memory.index.IndexedChunk;

/**
 * {@link MemoryIngest} into a {@link ChunkIndex}: chunk, place in thread, embed, then replace each
 * source's chunks in one atomic index update. Nothing is touched before the embeddings are done, so
 * a failure part-way leaves the earlier version of every source searchable.
 */
public final class IndexingIngest implements MemoryIngest {
    private final ChunkIndex index;
    private final Embedder embedder;
    private final Chunker chunker;

    public IndexingIngest(ChunkIndex index, Embedder embedder, Chunker chunker) {
        this.index = index;
        this.embedder = embedder;
        this.chunker = chunker;
    }

    @Override
    public synchronized void ingest(List<MemoryDocument> documents) {
        if (documents.isEmpty()) {
            return;
        }
        Set<String> replaced = new HashSet<>();
        documents.forEach(d -> replaced.add(d.sourceId()));
        List<Chunk> chunks = new ArrayList<>();
        List<String> own = new ArrayList<>();
        List<String> inContext = new ArrayList<>();
        try (IndexView view = index.view()) {
            Map<String, Chunk> lastInThread = new HashMap<>();
            for (MemoryDocument d : documents) {
                String thread = d.thread().isEmpty() ? d.sourceId() : d.thread();
                for (Chunker.Span span : chunker.split(d.text())) {
                    Chunk previous = lastInThread.containsKey(thread)
                            ? lastInThread.get(thread)
                            : view.lastInThread(thread, replaced).orElse(null);
                    int pos = previous == null ? 0 : previous.threadPos() + 1;
                    Chunk c = toChunk(d, span, thread, pos);
                    chunks.add(c);
                    own.add(PassageText.of(c));
                    inContext.add(PassageText.inContext(previous, c));
                    lastInThread.put(thread, c);
                }
            }
        }
        List<float[]> vectors = embedDistinct(own, inContext);
        Map<String, List<IndexedChunk>> bySource = new LinkedHashMap<>();
        documents.forEach(d -> bySource.put(d.sourceId(), new ArrayList<>()));
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            bySource.get(c.sourceId()).add(new IndexedChunk(c, vectors.get(i), vectors.get(chunks.size() + i)));
        }
        bySource.forEach(index::replaceSource);
        index.refresh();
    }

    /**
     * Embeds own texts then context texts, each distinct text once: a chunk that starts its thread
     * has no context, and its context vector is its own (half the work for standalone notes).
     */
    private List<float[]> embedDistinct(List<String> own, List<String> inContext) {
        List<String> all = new ArrayList<>(own);
        all.addAll(inContext);
        Map<String, Integer> slot = new LinkedHashMap<>();
        for (String t : all) {
            slot.putIfAbsent(t, slot.size());
        }
        List<float[]> distinct = embedder.embedPassages(List.copyOf(slot.keySet()));
        List<float[]> out = new ArrayList<>(all.size());
        for (String t : all) {
            out.add(distinct.get(slot.get(t)));
        }
        return out;
    }

    private static Chunk toChunk(MemoryDocument d, Chunker.Span span, String thread, int pos) {
        return new Chunk(
                Chunk.chunkId(d.sourceId(), span.ordinal()),
                d.sourceId(),
                new ChunkPosition(span.ordinal(), span.start(), span.end()),
                d.entityIds(),
                d.kind(),
                d.author(),
                d.time().toEpochMilli(),
                thread,
                pos,
                d.title(),
                span.text());
    }

    @Override
    public synchronized void remove(String sourceId) {
        index.deleteSource(sourceId);
        index.refresh();
    }

    @Override
    public void commit() {
        index.commit();
    }
}
