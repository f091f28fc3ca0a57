package solo.memory.retrieval;

/** Ways to merge the lexical and semantic signals of the candidates into one score. */
final class Fusion {
    /** The usual reciprocal-rank-fusion constant (Cormack et al., 2009). */
    static final int RRF_K = 60;

    private Fusion() {}

    /** Convex combination of min-max normalized signals: keeps how much better the best hits are. */
    static void weighted(Candidates c, double semanticWeight) {
        double[] lex = minMax(c.lexical);
        double[] sem = minMax(c.semantic);
        for (int i = 0; i < c.size(); i++) {
            c.fused[i] = semanticWeight * sem[i] + (1 - semanticWeight) * lex[i];
        }
    }

    /** Reciprocal rank fusion: uses ranks only, robust to badly scaled scores. */
    static void reciprocalRank(Candidates c, double semanticWeight) {
        int[] lexRank = ranks(c.lexical);
        int[] semRank = ranks(c.semantic);
        for (int i = 0; i < c.size(); i++) {
            double lex = c.lexical[i] > 0 ? 1.0 / (RRF_K + lexRank[i]) : 0;
            c.fused[i] = semanticWeight * 1.0 / (RRF_K + semRank[i]) + (1 - semanticWeight) * lex;
        }
    }

    static double[] minMax(float[] v) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double[] out = new double[v.length];
        double span = max - min;
        for (int i = 0; i < v.length; i++) {
            out[i] = span > 0 ? (v[i] - min) / span : 0;
        }
        return out;
    }

    /** 1-based rank of each value, highest first; ties broken by position (ascending doc id). */
    static int[] ranks(float[] v) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            int cmp = Float.compare(v[b], v[a]);
            return cmp != 0 ? cmp : Integer.compare(a, b);
        });
        int[] rank = new int[v.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r + 1;
        }
        return rank;
    }
}
