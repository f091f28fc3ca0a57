package solo.memory.retrieval;

import java.util.TreeMap;
import org.apache.lucene.search.ScoreDoc;
import solo.memory.index.ChunkFacts;
import solo.memory.index.IndexView;

/**
 * The pooled first-stage candidates of one search, their signals and the facts the ranking reads.
 * Docs are kept in ascending doc-id order so that every loop over them is deterministic.
 */
final class Candidates {
    final int[] docs;
    final float[] lexical;
    final float[] semantic;
    final double[] fused;
    final ChunkFacts[] facts;

    private Candidates(IndexView view, int[] docs, float[] lexical) {
        this.docs = docs;
        this.lexical = lexical;
        this.semantic = new float[docs.length];
        this.fused = new double[docs.length];
        this.facts = view.facts(docs);
    }

    /**
     * Pools the lists. A chunk outside BM25's top list gets lexical score 0: it is below the list's
     * last score anyway, and computing it exactly would cost a query per chunk.
     */
    static Candidates pool(IndexView view, ScoreDoc[] lexicalHits, ScoreDoc[]... otherHits) {
        TreeMap<Integer, Float> lex = new TreeMap<>();
        for (ScoreDoc sd : lexicalHits) {
            lex.put(sd.doc, sd.score);
        }
        for (ScoreDoc[] hits : otherHits) {
            for (ScoreDoc sd : hits) {
                lex.putIfAbsent(sd.doc, 0f);
            }
        }
        int[] docs = lex.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] l = new float[docs.length];
        for (int i = 0; i < docs.length; i++) {
            l[i] = lex.get(docs[i]);
        }
        return new Candidates(view, docs, l);
    }

    boolean containsAll(ScoreDoc[] hits) {
        for (ScoreDoc sd : hits) {
            if (java.util.Arrays.binarySearch(docs, sd.doc) < 0) {
                return false;
            }
        }
        return true;
    }

    int size() {
        return docs.length;
    }
}
