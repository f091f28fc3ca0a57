package solo.memory.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import solo.memory.embed.Embedder;
import solo.memory.index.ChunkIndex;
import solo.memory.index.IndexFields;
import solo.memory.index.IndexView;
import solo.memory.index.IndexView.ThreadRef;

/**
 * BM25 and vector search fused into one ranking, always inside the request's scope.
 *
 * <p>Steps: embed the question; pool the BM25 top list and the nearest chunks by each vector field;
 * score every pooled chunk exactly on both signals; fuse; let each chunk inherit part of its best
 * neighbour's score (evidence in conversations spans adjacent turns); sort with the chunk id as the
 * tie-break, so the same index and question always give the same ranking.
 */
public final class HybridRetriever implements Retriever {
    private final ChunkIndex index;
    private final Embedder embedder;
    private final RetrievalSettings settings;
    private final LexicalQuery lexical;

    public HybridRetriever(ChunkIndex index, Embedder embedder, RetrievalSettings settings) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.lexical = new LexicalQuery(index.analyzer(), settings.authorWeight());
    }

    @Override
    public List<Hit> search(SearchRequest request) {
        Query filter = request.filter().apply(request.scope().filter());
        int n = Math.max(settings.candidates(), request.limit());
        try (IndexView view = index.view()) {
            String stripped = request.text();
            int strip = Integer.getInteger("strip", 0);
            if (strip > 0) {
                for (String a : view.authorNames()) {
                    for (String t : a.split("\\s+")) {
                        if (t.length() > 1) stripped = stripped.replaceAll("(?i)\\b" + java.util.regex.Pattern.quote(t) + "('s)?\\b", " ");
                    }
                }
                stripped = stripped.replaceAll("\\s+", " ").trim();
                if (stripped.isEmpty()) stripped = request.text();
            }
            float[] query = embedder.embedQuery(strip > 0 ? stripped : request.text());
            Query lexicalQuery = lexical.build(strip > 1 ? stripped : request.text());
            ScoreDoc[] lex = lexicalQuery == null ? new ScoreDoc[0] : view.lexical(lexicalQuery, filter, n);
            ScoreDoc[] own = view.nearest(IndexFields.VECTOR, query, filter, n);
            ScoreDoc[] ctx = settings.contextWeight() > 0
                    ? view.nearest(IndexFields.CONTEXT_VECTOR, query, filter, n)
                    : new ScoreDoc[0];
            Candidates c = Candidates.pool(lex, own, ctx);
            scoreSemantic(view, c, query);
            fuse(c);
            double aw = Double.parseDouble(System.getProperty("authorBoost", "0"));
            if (aw > 0) {
                java.util.Set<String> words = new java.util.HashSet<>(java.util.Arrays.asList(request.text().toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}\\p{N}]+")));
                String[] authors = view.authors(c.docs);
                for (int i = 0; i < c.size(); i++) {
                    String a = authors[i] == null ? "" : authors[i].toLowerCase(java.util.Locale.ROOT);
                    boolean named = false;
                    for (String t : a.split("\\s+")) if (t.length() > 1 && words.contains(t)) named = true;
                    if (named) c.fused[i] += aw;
                }
            }
            double tw = Double.parseDouble(System.getProperty("timeBoost", "0"));
            List<solo.memory.time.DateRange> asked = solo.memory.time.TimeExpressions.inQuery(request.text());
            if (tw > 0 && !asked.isEmpty()) {
                IndexView.Dates[] dates = view.dates(c.docs);
                for (int i = 0; i < c.size(); i++) {
                    java.time.LocalDate written = java.time.Instant.ofEpochMilli(dates[i].time()).atZone(java.time.ZoneOffset.UTC).toLocalDate();
                    boolean hit = false;
                    for (solo.memory.time.DateRange q : asked) {
                        if (q.contains(written)) hit = true;
                        for (solo.memory.time.DateRange m : dates[i].mentioned()) if (q.overlaps(m)) hit = true;
                    }
                    if (hit) c.fused[i] += tw;
                }
            }
            if (settings.neighbourWeight() > 0) {
                inheritFromNeighbours(view, c);
            }
            return top(view, c, request.limit());
        }
    }

    private void scoreSemantic(IndexView view, Candidates c, float[] query) {
        float[] own = view.cosines(c.docs, IndexFields.VECTOR, query);
        float[] ctx = settings.contextWeight() > 0
                ? view.cosines(c.docs, IndexFields.CONTEXT_VECTOR, query)
                : own;
        double w = settings.contextWeight();
        for (int i = 0; i < c.size(); i++) {
            c.semantic[i] = (float) ((1 - w) * own[i] + w * ctx[i]);
        }
    }

    private void fuse(Candidates c) {
        switch (settings.fusion()) {
            case RRF -> Fusion.reciprocalRank(c, settings.semanticWeight());
            case WEIGHTED -> Fusion.weighted(c, settings.semanticWeight());
        }
    }

    /** Adds {@code neighbourWeight ×} the better fused score of the chunks just before and after. */
    private void inheritFromNeighbours(IndexView view, Candidates c) {
        ThreadRef[] refs = view.threadRefs(c.docs);
        Map<ThreadRef, Integer> at = new HashMap<>();
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] != null) {
                at.put(refs[i], i);
            }
        }
        double[] base = c.fused.clone();
        Map<String, Double> threadBest = new HashMap<>();
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] != null) {
                threadBest.merge(refs[i].thread(), base[i], Math::max);
            }
        }
        int mode = Integer.getInteger("nbmode", 0);
        double tw = Double.parseDouble(System.getProperty("threadw", "0"));
        for (int i = 0; i < refs.length; i++) {
            if (refs[i] == null) {
                continue;
            }
            String t = refs[i].thread();
            int p = refs[i].pos();
            double p1 = scoreAt(at, base, new ThreadRef(t, p - 1));
            double n1 = scoreAt(at, base, new ThreadRef(t, p + 1));
            double best = switch (mode) {
                case 1 -> (p1 + n1) / 2;
                case 2 -> Math.max(Math.max(p1, n1), 0.5 * Math.max(scoreAt(at, base, new ThreadRef(t, p - 2)), scoreAt(at, base, new ThreadRef(t, p + 2))));
                case 3 -> n1;
                case 4 -> p1;
                default -> Math.max(p1, n1);
            };
            c.fused[i] = base[i] + settings.neighbourWeight() * best + tw * threadBest.get(t);
        }
    }

    private static double scoreAt(Map<ThreadRef, Integer> at, double[] scores, ThreadRef ref) {
        Integer i = at.get(ref);
        return i == null ? 0 : scores[i];
    }

    private static List<Hit> top(IndexView view, Candidates c, int limit) {
        String[] ids = view.chunkIds(c.docs);
        Integer[] order = new Integer[c.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -c.fused[i]).thenComparing(i -> ids[i]));
        List<Hit> hits = new ArrayList<>(Math.min(limit, order.length));
        for (int r = 0; r < order.length && r < limit; r++) {
            int i = order[r];
            hits.add(new Hit(view.chunk(c.docs[i]), c.fused[i], c.lexical[i], c.semantic[i]));
        }
        return hits;
    }
}
