package solo.memory.sync;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import solo.memory.index.Chunk;
import solo.memory.index.ChunkIndex;
import solo.memory.index.IndexView;
import solo.memory.ingest.MemoryDocument;
import solo.memory.ingest.MemoryIngest;
import solo.state.Event;
import solo.state.Store;

/**
 * Keeps the index in step with the store by following the event log: artifacts added, changed or
 * deleted, entities created, updated, reverted or deleted. The last event applied is committed with
 * the index itself (so the index never claims more or less than it holds, whatever the moment of a
 * crash) and mirrored in {@code memory_cursors} as {@code index:ID}.
 *
 * <p>The index is kept a function of the store's current state, so that following and rebuilding give
 * the same index: each event is applied by reading the record as it is now (a replay that meets an
 * artifact deleted since does nothing), and a thread shared by several artifacts (an email thread, a
 * conversation) is re-laid in its order when one of them changes or goes, rather than leaving a gap
 * the rebuilt index would not have.
 */
public final class IndexFollower {
    public static final String SEQ_KEY = "seq";
    public static final String ID_KEY = "index_id";
    private static final int BATCH = 512;

    private final Store store;
    private final ChunkIndex index;
    private final MemoryIngest ingest;
    private final Cursors cursors;
    private final String indexId;
    private final java.util.concurrent.locks.ReentrantLock catchingUp = new java.util.concurrent.locks.ReentrantLock();
    private volatile long position;

    public IndexFollower(Store store, ChunkIndex index, MemoryIngest ingest, Cursors cursors) {
        this.store = store;
        this.index = index;
        this.ingest = ingest;
        this.cursors = cursors;
        Map<String, String> data = index.userData();
        String id = data.get(ID_KEY);
        if (id == null && !index.readOnly()) {
            id = UUID.randomUUID().toString();
            index.putUserData(ID_KEY, id);
        }
        this.indexId = id == null ? "unknown" : id;
        this.position = Long.parseLong(data.getOrDefault(SEQ_KEY, "0"));
    }

    /** The last event the index holds. */
    public long position() {
        if (index.readOnly()) {
            index.refresh(); // another process writes it: its newest commit
            position = Long.parseLong(index.userData().getOrDefault(SEQ_KEY, String.valueOf(position)));
        }
        return position;
    }

    public String indexId() {
        return indexId;
    }

    /** The name of this index's row in {@code memory_cursors}. */
    public String cursorName() {
        return "index:" + indexId;
    }

    /** Events the index has not applied yet. */
    public long lag() {
        return Math.max(0, store.lastSeq() - position());
    }

    /**
     * Applies every event the store has and the index lacks; returns how many. Read-only indexes (another
     * process writes them) are left alone.
     */
    public long catchUp(Consumer<String> progress) {
        if (index.readOnly()) {
            return 0;
        }
        catchingUp.lock();
        try {
            return catchUpLocked(progress);
        } finally {
            catchingUp.unlock();
        }
    }

    /**
     * Like {@link #catchUp} for a search: when another thread is already catching up (a large ingest), waits
     * at most {@code maxWaitMillis} for it and then lets the search run on what is indexed so far.
     */
    public void catchUpForSearch(long maxWaitMillis) {
        if (index.readOnly()) {
            return;
        }
        try {
            if (catchingUp.tryLock(maxWaitMillis, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                try {
                    catchUpLocked(m -> { });
                } finally {
                    catchingUp.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long catchUpLocked(Consumer<String> progress) {
        long head = store.lastSeq();
        long start = position;
        while (position < head) {
            List<Event> events = store.events(position, BATCH);
            if (events.isEmpty()) {
                break;
            }
            apply(events);
            long to = events.getLast().seq();
            index.putUserData(SEQ_KEY, String.valueOf(to));
            index.commit();
            position = to;
            cursors.set(cursorName(), to);
            progress.accept("indexed events " + (to - start) + "/" + (head - start));
        }
        return position - start;
    }

    private void apply(List<Event> events) {
        Batch batch = new Batch();
        for (Event e : events) {
            switch (e.kind()) {
                case Event.ARTIFACT_ADDED, Event.ARTIFACT_UPDATED -> batch.artifact(e.subject());
                case Event.ARTIFACT_DELETED -> batch.remove(e.subject());
                case Event.ENTITY_CREATED, Event.ENTITY_UPDATED, Event.ENTITY_REVERTED -> batch.entity(e.subject());
                case Event.ENTITY_DELETED -> batch.remove(e.subject());
                default -> { } // links change scopes, which are resolved when a search runs
            }
        }
        batch.flush();
    }

    /** Appends gathered for one ingest call; anything that is not an append flushes them first, to keep order. */
    private final class Batch {
        private final Map<String, MemoryDocument> pending = new LinkedHashMap<>();

        void entity(String id) {
            MemoryDocument doc = store.find(id).map(StoreDocuments::of).orElse(null);
            if (doc == null) {
                remove(id);
            } else {
                append(doc); // an entity is its own thread: replacing it is an append
            }
        }

        void artifact(String id) {
            MemoryDocument doc = store.artifact(id).map(StoreDocuments::of).orElse(null);
            if (doc == null) {
                remove(id);
                return;
            }
            List<Chunk> indexed = indexed(id);
            if (indexed.isEmpty()) {
                append(doc);
            } else if (!sameAsIndexed(doc, indexed.getFirst())) {
                flush();
                String oldThread = indexed.getFirst().thread();
                if (oldThread.equals(thread(doc))) {
                    relay(oldThread);
                } else {
                    ingest.remove(id);
                    relay(oldThread);
                    append(doc);
                }
            }
            // else: only what memory does not index changed (metadata such as pinned)
        }

        void remove(String id) {
            pending.remove(id);
            flush();
            List<Chunk> indexed = indexed(id);
            if (indexed.isEmpty()) {
                return;
            }
            ingest.remove(id);
            relay(indexed.getFirst().thread());
        }

        private void append(MemoryDocument doc) {
            if (pending.containsKey(doc.sourceId())) {
                flush();
            }
            pending.put(doc.sourceId(), doc);
        }

        void flush() {
            if (!pending.isEmpty()) {
                ingest.ingest(List.copyOf(pending.values()));
                pending.clear();
            }
        }

        /** Lays a shared thread out again from the records as they are now, in the order it had. */
        private void relay(String thread) {
            List<String> sources;
            try (IndexView view = index.view()) {
                sources = view.sourcesInThread(thread);
            }
            if (sources.isEmpty() || (sources.size() == 1 && sources.getFirst().equals(thread))) {
                if (sources.size() == 1) {
                    artifactAgain(sources.getFirst());
                }
                return;
            }
            List<MemoryDocument> docs = new ArrayList<>();
            Set<String> gone = new HashSet<>();
            for (String s : sources) {
                MemoryDocument d = store.artifact(s).map(StoreDocuments::of).orElse(null);
                if (d != null && thread(d).equals(thread)) {
                    docs.add(d);
                } else {
                    gone.add(s);
                }
            }
            gone.forEach(ingest::remove);
            ingest.ingest(docs); // every source of the thread replaced: positions restart at 0
        }

        private void artifactAgain(String id) {
            MemoryDocument d = store.artifact(id).map(StoreDocuments::of).orElse(null);
            if (d == null) {
                ingest.remove(id);
            } else {
                ingest.ingest(List.of(d));
            }
        }

        private List<Chunk> indexed(String id) {
            try (IndexView view = index.view()) {
                return view.chunksOf(id);
            }
        }
    }

    private static String thread(MemoryDocument d) {
        return d.thread().isEmpty() ? d.sourceId() : d.thread();
    }

    private static boolean sameAsIndexed(MemoryDocument d, Chunk c) {
        return Objects.equals(d.kind(), c.kind()) && Objects.equals(d.author(), c.author())
                && d.time().toEpochMilli() == c.time() && Objects.equals(thread(d), c.thread())
                && Objects.equals(d.title(), c.title())
                && d.entityIds().stream().sorted().distinct().toList().equals(c.entityIds());
    }
}
