package solo.execution.ledger;

import java.time.Instant;
import solo.execution.RunRef;

/**
 * One model call, as the ledger keeps it: for which run, step and agent, on which model, with its tokens,
 * latency and cost, whether the cache answered it, and how it ended ({@code ok}, {@code timeout},
 * {@code rate_limited}, …; {@code detail} explains a failure).
 */
public record LedgerEntry(
        String id,
        Instant at,
        String day,
        RunRef run,
        String agent,
        String provider,
        String model,
        String tier,
        String requestKey,
        long inputTokens,
        long outputTokens,
        long latencyMillis,
        long costMicros,
        boolean priced,
        boolean cacheHit,
        String outcome,
        String detail) {

    public static final String OK = "ok";
}
