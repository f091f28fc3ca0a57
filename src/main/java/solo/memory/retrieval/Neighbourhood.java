package solo.memory.retrieval;

import java.util.HashMap;
import java.util.Map;
import solo.memory.index.ChunkFacts.ThreadRef;

/**
 * Lets evidence spread along a thread. An answer is often split over adjacent turns (a question
 * and its reply, a fact and its follow-up), and a thread that holds one strong hit is likely to hold
 * more. Each chunk gains a share of its better neighbour's score and of its thread's best score,
 * both taken before the spreading, so the order of the loop does not matter.
 */
final class Neighbourhood {
    private Neighbourhood() {}

    static void spread(Candidates c, double neighbourWeight, double threadWeight) {
        if (neighbourWeight == 0 && threadWeight == 0) {
            return;
        }
        double[] base = c.fused.clone();
        Map<ThreadRef, Integer> at = new HashMap<>();
        Map<String, Double> threadBest = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            ThreadRef r = c.facts[i].thread();
            if (r != null) {
                at.put(r, i);
                threadBest.merge(r.thread(), base[i], Math::max);
            }
        }
        for (int i = 0; i < c.size(); i++) {
            ThreadRef r = c.facts[i].thread();
            if (r == null) {
                continue;
            }
            double before = scoreAt(at, base, new ThreadRef(r.thread(), r.pos() - 1));
            double after = scoreAt(at, base, new ThreadRef(r.thread(), r.pos() + 1));
            c.fused[i] = base[i] + neighbourWeight * Math.max(before, after) + threadWeight * threadBest.get(r.thread());
        }
    }

    private static double scoreAt(Map<ThreadRef, Integer> at, double[] scores, ThreadRef ref) {
        Integer i = at.get(ref);
        return i == null ? 0 : scores[i];
    }
}
