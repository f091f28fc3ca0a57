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
    public static final EmbeddingModels DEFAULT_MODEL = EmbeddingModels.ALL_MINILM_L6_V2_Q;

    private final ExecutorService embeddingThreads;
    private final Embedder embedder;
    private final ChunkIndex index;
    private final IndexingIngest ingest;
    private final HybridRetriever retriever;

    private MemoryEngine(ChunkIndex index, Embedder embedder, ExecutorService embeddingThreads, RetrievalSettings settings) {
        this.embeddingThreads = embeddingThreads;
        this.embedder = embedder;
        this.index = index;
        this.ingest = new IndexingIngest(index, embedder, new Chunker());
        this.retriever = new HybridRetriever(index, embedder, settings);
    }

    /**
     * An engine with an in-process model. {@code dir} holds the index (created if missing); null
     * puts it in a temporary folder that goes when the engine closes.
     */
    public static MemoryEngine open(Path dir, EmbeddingModels model, RetrievalSettings settings) {
        ExecutorService threads = embeddingThreads();
        Embedder embedder = model.load(threads);
        return new MemoryEngine(index(dir, embedder, false), embedder, threads, settings);
    }

    /** An engine over any embedder (tests use a small deterministic one); the caller owns the embedder. */
    public static MemoryEngine open(Path dir, Embedder embedder, RetrievalSettings settings) {
        return new MemoryEngine(index(dir, embedder, false), embedder, null, settings);
    }

    /** Like {@link #open(Path, Embedder, RetrievalSettings)}, read-only when another process holds the index. */
    public static MemoryEngine openShared(Path dir, Embedder embedder, RetrievalSettings settings) {
        return new MemoryEngine(index(dir, embedder, true), embedder, null, settings);
    }

    /** One embedding thread per core: batch ingest embeds texts in parallel, one ONNX thread each. */
    public static ExecutorService embeddingThreads() {
        return Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), r -> {
            Thread t = new Thread(r, "memory-embed");
            t.setDaemon(true);
            return t;
        });
    }

    private static ChunkIndex index(Path dir, Embedder embedder, boolean shared) {
        return dir == null ? ChunkIndex.temporary(embedder.name()) : ChunkIndex.open(dir, embedder.name(), shared);
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
        if (embeddingThreads != null) {
            embeddingThreads.shutdown();
        }
    }
}
