package solo.memory.eval;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** recall@k and binary-relevance nDCG@k, as the benchmark README defines them. */
public final class RankingMetrics {
    private RankingMetrics() {}

    /** |relevant ∩ top k| / |relevant|; 0 when nothing is relevant. */
    public static double recall(List<String> ranked, List<String> relevant, int k) {
        if (relevant.isEmpty()) {
            return 0;
        }
        Set<String> rel = new HashSet<>(relevant);
        long found = ranked.stream().limit(k).filter(rel::contains).count();
        return (double) found / rel.size();
    }

    /** DCG of the top k with gain 1 per relevant id at rank r, discount log2(r + 1), over the ideal DCG. */
    public static double ndcg(List<String> ranked, List<String> relevant, int k) {
        Set<String> rel = new HashSet<>(relevant);
        double dcg = 0;
        for (int r = 0; r < Math.min(k, ranked.size()); r++) {
            if (rel.contains(ranked.get(r))) {
                dcg += 1 / log2(r + 2);
            }
        }
        double ideal = 0;
        for (int r = 0; r < Math.min(k, rel.size()); r++) {
            ideal += 1 / log2(r + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
