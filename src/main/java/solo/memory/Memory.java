package solo.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import solo.memory.embed.Embedder;
import solo.memory.index.Scope;
import solo.memory.pack.ContextPackBuilder;
import solo.memory.pack.ContextPackResult;
import solo.memory.pack.PackUses;
import solo.memory.retention.Retention;
import solo.memory.retrieval.Hit;
import solo.memory.retrieval.RetrievalSettings;
import solo.memory.retrieval.SearchRequest;
import solo.memory.summary.Summaries;
import solo.memory.summary.Summarizer;
import solo.memory.sync.ArtifactQueries;
import solo.memory.sync.Cursors;
import solo.memory.sync.IndexFollower;
import solo.memory.working.WorkingMemory;
import solo.state.Neighbour;
import solo.state.NotFoundException;
import solo.state.Store;

/**
 * The memory layer of one company, owned by {@code solo.app.Solo}: the index that follows the store
 * (under {@code .solo/memory/}, derived data), scoped search, context packs, summaries, working memory and
 * retention. Every search first brings the index up to the store's newest event, so what was just written
 * is found. When another process (a running {@code solo up}) holds the index, this one searches that
 * process's last commit and leaves the writing to it.
 */
public final class Memory implements AutoCloseable {
    private final Store store;
    private final Path dir;
    private final MemoryConfig config;
    private final Embedder embedder;
    private final ExecutorService embeddingThreads;
    private final RetrievalSettings settings;
    private final Cursors cursors;
    private final ArtifactQueries artifacts;
    private final Summaries summaries;
    private final ContextPackBuilder packs;
    private final WorkingMemory working;
    private final Retention retention;
    private volatile MemoryEngine engine;
    private volatile IndexFollower follower;

    private Memory(Store store, Path dir, MemoryConfig config, Embedder embedder, ExecutorService threads, Clock clock,
            Supplier<Summarizer> summarizer) {
        this.store = store;
        this.dir = dir;
        this.config = config;
        this.embedder = embedder;
        this.embeddingThreads = threads;
        this.settings = RetrievalSettings.defaults();
        this.cursors = new Cursors(store.storage(), clock);
        this.artifacts = new ArtifactQueries(store);
        recoverRebuild();
        this.engine = openIndex();
        this.follower = new IndexFollower(store, engine.index(), engine.ingest(), cursors);
        this.summaries = new Summaries(store, artifacts, this::search, cursors, summarizer, config.digestEvents(),
                config.digestArtifacts());
        PackUses uses = new PackUses(store.storage(), clock);
        this.packs = new ContextPackBuilder(store, this::search, summaries, config.digestEvents(), uses::record);
        this.working = new WorkingMemory(store, config.discardCompleted(), config.discardFailed());
        this.retention = new Retention(store, artifacts, summaries, config.retention(), config.recentlyUsed(), clock);
    }

    /** Memory with the configured in-process embedding model (loaded here: about a second). */
    public static Memory open(Store store, Path dir, MemoryConfig config, Clock clock, Supplier<Summarizer> summarizer) {
        ExecutorService threads = MemoryEngine.embeddingThreads();
        return new Memory(store, dir, config, config.model().load(threads), threads, clock, summarizer);
    }

    /** Memory over any embedder (tests use a small deterministic one). */
    public static Memory open(Store store, Path dir, MemoryConfig config, Embedder embedder, Clock clock,
            Supplier<Summarizer> summarizer) {
        return new Memory(store, dir, config, embedder, null, clock, summarizer);
    }

    public Store store() {
        return store;
    }

    public MemoryConfig config() {
        return config;
    }

    public Path indexDir() {
        return dir.resolve("index");
    }

    /** True when another process writes the index and this one reads its commits. */
    public boolean readOnly() {
        return engine.index().readOnly();
    }

    public IndexFollower follower() {
        return follower;
    }

    public MemoryEngine engine() {
        return engine;
    }

    /** Applies the events the index lacks; returns how many (0 when another process writes the index). */
    public long catchUp(Consumer<String> progress) {
        return follower.catchUp(progress);
    }

    /** Searches within the query's scope, best first, after bringing the index up to date. */
    public List<Hit> search(MemoryQuery q) {
        Scope scope = scope(q.entityId(), q.neighbours());
        if (!readOnly() && follower.position() < store.lastSeq()) {
            follower.catchUpForSearch(250); // during a large ingest, search what is indexed so far
        }
        return engine.retriever().search(new SearchRequest(q.text(), scope, q.limit(), q.filter()));
    }

    /** One entity, the entity and its neighbours up to {@code depth} links, or the company (null). */
    public Scope scope(String entityId, int depth) {
        if (entityId == null) {
            return Scope.company();
        }
        if (store.find(entityId).isEmpty()) {
            throw NotFoundException.entity(entityId);
        }
        if (depth == 0) {
            return Scope.entity(entityId);
        }
        TreeSet<String> ids = new TreeSet<>(List.of(entityId));
        for (Neighbour n : store.neighbours(entityId, depth)) {
            ids.add(n.entity().id());
        }
        return Scope.entities(ids);
    }

    /** The context pack of {@code solo context ENTITY --task TEXT --budget TOKENS}. */
    public ContextPackResult contextPack(String entityId, String task, int budgetTokens) {
        if (store.find(entityId).isEmpty()) {
            throw NotFoundException.entity(entityId);
        }
        return packs.build(entityId, task, budgetTokens);
    }

    public Summaries summaries() {
        return summaries;
    }

    public WorkingMemory working() {
        return working;
    }

    public Retention retention() {
        return retention;
    }

    public Cursors cursors() {
        return cursors;
    }

    /** A run ended: its working memory goes or is archived, and the entities it wrote get fresh summaries. */
    public void runEnded(String runId, String status) {
        working.runEnded(runId, status);
        summaries.runFinished(runId, status);
    }

    /**
     * Rebuilds the index from the store by replaying the whole event log into a fresh index beside the
     * live one (the same path the live index follows), then puts it in the live one's place. Refused
     * while another process holds the index. Returns the number of events replayed.
     */
    public synchronized long rebuild(Consumer<String> progress) {
        if (readOnly()) {
            throw new IllegalStateException("the memory index is in use by another Solo process (solo up?): stop it first");
        }
        Path fresh = dir.resolve("rebuild");
        deleteTree(fresh);
        long events;
        String oldCursor = follower.cursorName();
        try (MemoryEngine rebuilt = MemoryEngine.open(fresh, embedder, settings)) {
            IndexFollower f = new IndexFollower(store, rebuilt.index(), rebuilt.ingest(), cursors);
            events = f.catchUp(progress);
            rebuilt.index().putUserData("complete", "true");
            rebuilt.index().commit();
        }
        engine.close();
        swapIn(fresh);
        engine = MemoryEngine.openShared(indexDir(), embedder, settings);
        follower = new IndexFollower(store, engine.index(), engine.ingest(), cursors);
        cursors.delete(oldCursor);
        return events;
    }

    /**
     * The index, or a fresh one when the folder holds an index of another model or format (say after
     * {@code memory.model} changed): it is derived data, and the follower fills the new one from the log.
     */
    private MemoryEngine openIndex() {
        try {
            return MemoryEngine.openShared(indexDir(), embedder, settings);
        } catch (solo.memory.index.StaleIndexException e) {
            org.slf4j.LoggerFactory.getLogger(Memory.class).warn("{}: starting a new index from the event log", e.getMessage());
            deleteTree(indexDir());
            return MemoryEngine.openShared(indexDir(), embedder, settings);
        }
    }

    /** A rebuild that finished but was not yet swapped in when the process stopped is swapped in now. */
    private void recoverRebuild() {
        Path fresh = dir.resolve("rebuild");
        if (Files.isDirectory(fresh) && !Files.isDirectory(indexDir()) && Files.exists(fresh.resolve("complete"))) {
            swapIn(fresh);
        }
    }

    private void swapIn(Path fresh) {
        try {
            Files.writeString(fresh.resolve("complete"), "");
            Path old = dir.resolve("old");
            deleteTree(old);
            if (Files.isDirectory(indexDir())) {
                Files.move(indexDir(), old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(fresh, indexDir(), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(indexDir().resolve("complete"));
            deleteTree(old);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the rebuilt index in place under " + dir, e);
        }
    }

    private static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> files = Files.walk(p)) {
            List<Path> all = new ArrayList<>(files.sorted(Comparator.reverseOrder()).toList());
            for (Path f : all) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + p, e);
        }
    }

    @Override
    public void close() {
        engine.close();
        if (embeddingThreads != null) {
            embeddingThreads.shutdown();
        }
    }
}
