package solo.memory.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import solo.memory.embed.Embedder;
import solo.memory.index.Chunk;
import solo.memory.index.ChunkFacts.ThreadRef;
import solo.memory.index.ChunkIndex;
import solo.memory.index.IndexFields;
import solo.memory.index.IndexView;

/**
 * BM25 and vector search fused into one ranking, always inside the request's scope.
 *
 * <ol>
 *   <li>Analyse the question: speakers it names, dates it names, and its content without the names.
 *   <li>Pool BM25's top list with the nearest chunks by each vector field (the chunk alone, and the
 *       chunk read after its predecessor), all filtered to the scope.
 *   <li>Score every pooled chunk exactly on meaning; fuse with BM25 (min-max, weighted).
 *   <li>Add metadata evidence: the named speaker wrote it, it is about the named date.
 *   <li>Spread scores to thread neighbours.
 *   <li>Bring the neighbours of the best hits into the pool and rank again.
 *   <li>Sort, chunk id breaking ties, so the same index and question always give the same ranking.
 * </ol>
 */
public final class HybridRetriever implements Retriever {
    /** How many of the best hits bring their thread neighbours into the pool. */
    private static final int EXPAND_TOP = 20;

    private final ChunkIndex index;
    private final Embedder embedder;
    private final RetrievalSettings settings;
    private final LexicalQuery lexical;
    private volatile AuthorCache authors;

    public HybridRetriever(ChunkIndex index, Embedder embedder, RetrievalSettings settings) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.lexical = new LexicalQuery(index.analyzer());
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        Query filter = request.filter().apply(request.scope().filter());
        int n = Math.max(settings.candidates(), request.limit());
        try (IndexView view = index.view()) {
            QueryAnalysis q = QueryAnalysis.of(request.text(), authorNames(view));
            float[] vector = embedder.embedQuery(q.content());
            Query lexicalQuery = lexical.build(q.text());
            ScoreDoc[] lex = lexicalQuery == null ? new ScoreDoc[0] : view.lexical(lexicalQuery, filter, n);
            ScoreDoc[] own = view.nearest(IndexFields.VECTOR, vector, filter, n);
            ScoreDoc[] ctx = view.nearest(IndexFields.CONTEXT_VECTOR, vector, filter, n);
            Candidates c = Candidates.pool(view, lex, own, ctx);
            rank(view, c, q, vector);
            // neighbourhood expansion: the turns next to the best hits join the pool even when
            // neither list proposed them (a bare "yes, the third one!" matches nothing by itself)
            ScoreDoc[] near = neighboursOfTop(view, c, filter);
            if (!c.containsAll(near)) {
                c = Candidates.pool(view, lex, own, ctx, near);
                rank(view, c, q, vector);
            }
            return top(view, c, request.limit());
        }
    }

    private static ScoreDoc[] neighboursOfTop(IndexView view, Candidates c, Query filter) {
        Integer[] order = order(c);
        List<ThreadRef> refs = new ArrayList<>();
        for (int r = 0; r < Math.min(EXPAND_TOP, order.length); r++) {
            ThreadRef t = c.facts[order[r]].thread();
            if (t != null) {
                refs.add(new ThreadRef(t.thread(), t.pos() - 1));
                refs.add(new ThreadRef(t.thread(), t.pos() + 1));
            }
        }
        return Arrays.stream(view.docsAt(refs, filter)).mapToObj(d -> new ScoreDoc(d, 0)).toArray(ScoreDoc[]::new);
    }

    /** The index's author names, read once per index generation rather than once per question. */
    private Set<String> authorNames(IndexView view) {
        AuthorCache cached = authors;
        if (cached == null || cached.version() != view.version()) {
            cached = new AuthorCache(view.version(), view.authorNames());
            authors = cached;
        }
        return cached.names();
    }

    private record AuthorCache(Object version, Set<String> names) {}

    private void rank(IndexView view, Candidates c, QueryAnalysis q, float[] vector) {
        scoreSemantic(view, c, vector);
        Fusion.weighted(c, settings.semanticWeight());
        Boosts.speaker(c, q, settings.speakerBoost());
        Boosts.time(c, q, settings.timeBoost());
        Neighbourhood.spread(c, settings.neighbourWeight(), settings.threadWeight());
    }

    private static Integer[] order(Candidates c) {
        Integer[] order = new Integer[c.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -c.fused[i]).thenComparing(i -> c.facts[i].id()));
        return order;
    }

    private void scoreSemantic(IndexView view, Candidates c, float[] query) {
        float[] own = view.cosines(c.docs, IndexFields.VECTOR, query);
        float[] ctx = view.cosines(c.docs, IndexFields.CONTEXT_VECTOR, query);
        double w = settings.contextWeight();
        for (int i = 0; i < c.size(); i++) {
            float o = Float.isNaN(own[i]) ? 0 : own[i];
            float x = Float.isNaN(ctx[i]) ? o : ctx[i]; // no context vector: the chunk reads the same in context
            c.semantic[i] = (float) ((1 - w) * o + w * x);
        }
    }

    private static List<Hit> top(IndexView view, Candidates c, int limit) {
        Integer[] order = order(c);
        int k = Math.min(limit, order.length);
        int[] docs = new int[k];
        for (int r = 0; r < k; r++) {
            docs[r] = c.docs[order[r]];
        }
        List<Chunk> chunks = view.chunks(docs);
        List<Hit> hits = new ArrayList<>(k);
        for (int r = 0; r < k; r++) {
            int i = order[r];
            hits.add(new Hit(chunks.get(r), c.fused[i], c.lexical[i], c.semantic[i]));
        }
        return hits;
    }
}
