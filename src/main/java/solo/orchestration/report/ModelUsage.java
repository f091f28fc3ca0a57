package solo.orchestration.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * What runs spent on models: calls, cache hits, tokens and cost. The ledger lives in the execution layer,
 * which fills this seam ({@code solo.app.Solo} wires it); orchestration only reads the sums.
 */
public interface ModelUsage {

    /** Sums of model calls; {@code costMicros} in millionths of {@link #currency()}. */
    record Totals(long calls, long cacheHits, long inputTokens, long outputTokens, long costMicros) {
        public static final Totals NONE = new Totals(0, 0, 0, 0, 0);

        public Totals plus(Totals o) {
            return new Totals(calls + o.calls, cacheHits + o.cacheHits, inputTokens + o.inputTokens,
                    outputTokens + o.outputTokens, costMicros + o.costMicros);
        }
    }

    /** The totals of each of these runs that made a model call. */
    Map<String, Totals> byRun(Collection<String> runIds);

    /** Every call made on one day (in the company's time zone). */
    Totals onDay(LocalDate day);

    String currency();

    /** No models (a runtime without execution). */
    ModelUsage NONE = new ModelUsage() {
        @Override
        public Map<String, Totals> byRun(Collection<String> runIds) {
            return Map.of();
        }

        @Override
        public Totals onDay(LocalDate day) {
            return Totals.NONE;
        }

        @Override
        public String currency() {
            return "USD";
        }
    };
}
