package solo.execution.ledger;

/**
 * Everything the ledger holds for one model of one provider, summed since the company began: what
 * {@code /metrics} exports as counters (they only grow, as Prometheus expects of a total).
 */
public record LedgerTotal(String provider, String model, long calls, long cacheHits, long inputTokens, long outputTokens,
                          long costMicros) {}
