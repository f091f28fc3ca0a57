package solo.memory.retrieval;

import java.util.Arrays;
import java.util.TreeMap;
import org.apache.lucene.search.ScoreDoc;

/**
 * The pooled first-stage candidates of one search and their signals. Docs are kept in ascending
 * doc-id order so every loop over them is deterministic.
 */
final class Candidates {
    final int[] docs;
    final float[] lexical;
    final float[] semantic;
    final double[] fused;

    private Candidates(int[] docs, float[] lexical) {
        this.docs = docs;
        this.lexical = lexical;
        this.semantic = new float[docs.length];
        this.fused = new double[docs.length];
    }

    static Candidates pool(ScoreDoc[] lexicalHits, ScoreDoc[]... otherHits) {
        TreeMap<Integer, Float> lex = new TreeMap<>();
        for (ScoreDoc sd : lexicalHits) {
            lex.put(sd.doc, sd.score);
        }
        for (ScoreDoc[] hits : otherHits) {
            for (ScoreDoc sd : hits) {
                lex.putIfAbsent(sd.doc, 0f); // outside BM25's top list: its BM25 score is ignored
            }
        }
        int[] docs = lex.keySet().stream().mapToInt(Integer::intValue).toArray();
        float[] l = new float[docs.length];
        for (int i = 0; i < docs.length; i++) {
            l[i] = lex.get(docs[i]);
        }
        return new Candidates(docs, l);
    }

    int size() {
        return docs.length;
    }

    int indexOf(int doc) {
        return Arrays.binarySearch(docs, doc);
    }
}
