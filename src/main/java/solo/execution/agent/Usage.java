package solo.execution.agent;

import java.util.List;

/** What an invocation cost, over all its model calls. */
public record Usage(int calls, int cacheHits, long inputTokens, long outputTokens, long costMicros) {
    public static final Usage NONE = new Usage(0, 0, 0, 0, 0);

    public static Usage of(List<Attempt> attempts) {
        int hits = 0;
        long in = 0;
        long out = 0;
        long cost = 0;
        for (Attempt a : attempts) {
            hits += a.cacheHit() ? 1 : 0;
            in += a.inputTokens();
            out += a.outputTokens();
            cost += a.costMicros();
        }
        return new Usage(attempts.size(), hits, in, out, cost);
    }
}
