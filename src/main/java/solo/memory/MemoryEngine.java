package solo.memory;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import solo.memory.embed.Embedder;
import solo.memory.embed.EmbeddingModels;
import solo.memory.index.ChunkIndex;
import solo.memory.index.Chunker;
import solo.memory.ingest.IndexingIngest;
import solo.memory.ingest.MemoryIngest;
import solo.memory.retrieval.HybridRetriever;
import solo.memory.retrieval.RetrievalSettings;
import solo.memory.retrieval.Retriever;

/**
 * The retrieval engine wired in one place: index, embedding model, ingest path and retriever.
 * The product, its tests and the benchmark all start it through here, so they run the same thing.
 */
public final class MemoryEngine implements AutoCloseable {
    /** The model memory uses unless told otherwise (chosen on the retrieval benchmark; see README). */
    public static final EmbeddingModels DEFAULT_MODEL = EmbeddingModels.BGE_SMALL_EN_V15_Q;

    private final ExecutorService embeddingThreads;
    private final Embedder embedder;
    private final ChunkIndex index;
    private final IndexingIngest ingest;
    private final HybridRetriever retriever;

    private MemoryEngine(Path dir, EmbeddingModels model, RetrievalSettings settings) {
        // one embedding thread per core; ONNX Runtime parallelizes inside each call as well
        this.embeddingThreads = Executors.newFixedThreadPool(
                Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                    Thread t = new Thread(r, "memory-embed");
                    t.setDaemon(true);
                    return t;
                });
        this.embedder = model.load(embeddingThreads);
        this.index = dir == null ? ChunkIndex.inMemory(embedder.name()) : ChunkIndex.open(dir, embedder.name());
        this.ingest = new IndexingIngest(index, embedder, new Chunker());
        this.retriever = new HybridRetriever(index, embedder, settings);
    }

    /** An engine whose index lives in a folder (created if missing). */
    public static MemoryEngine open(Path dir, EmbeddingModels model, RetrievalSettings settings) {
        return new MemoryEngine(dir, model, settings);
    }

    /** An engine whose index lives in memory only. */
    public static MemoryEngine inMemory(EmbeddingModels model, RetrievalSettings settings) {
        return new MemoryEngine(null, model, settings);
    }

    public MemoryIngest ingest() {
        return ingest;
    }

    public Retriever retriever() {
        return retriever;
    }

    public Embedder embedder() {
        return embedder;
    }

    public ChunkIndex index() {
        return index;
    }

    @Override
    public void close() {
        index.close();
        embeddingThreads.shutdown();
    }
}
