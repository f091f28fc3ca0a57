package solo.execution.ledger;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import solo.orchestration.report.ModelUsage;
import solo.state.storage.Storage;

/** The ledger's sums as the orchestration layer's KPIs and digest read them ({@link ModelUsage}). */
public final class LedgerUsage implements ModelUsage {
    private static final int CHUNK = 500;
    private static final String SUMS = "count(*), COALESCE(SUM(cache_hit), 0), COALESCE(SUM(input_tokens), 0),"
            + " COALESCE(SUM(output_tokens), 0), COALESCE(SUM(cost_micros), 0)";

    private final Storage storage;
    private final Supplier<String> currency;

    /** {@code currency} is read when first asked (solo.yaml's {@code prices}). */
    public LedgerUsage(Storage storage, Supplier<String> currency) {
        this.storage = storage;
        this.currency = currency;
    }

    @Override
    public Map<String, Totals> byRun(Collection<String> runIds) {
        Map<String, Totals> out = new HashMap<>();
        List<String> ids = List.copyOf(runIds);
        for (int i = 0; i < ids.size(); i += CHUNK) {
            List<String> chunk = ids.subList(i, Math.min(ids.size(), i + CHUNK));
            String marks = chunk.stream().map(x -> "?").collect(Collectors.joining(", "));
            storage.read(sql -> sql.query("SELECT run_id, " + SUMS + " FROM model_calls WHERE run_id IN (" + marks + ")"
                    + " GROUP BY run_id", rs -> out.put(rs.getString(1), new Totals(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    rs.getLong(5), rs.getLong(6))), chunk.toArray()));
        }
        return out;
    }

    @Override
    public Totals onDay(LocalDate day) {
        return storage.read(sql -> sql.queryOne("SELECT " + SUMS + " FROM model_calls WHERE day = ?", rs -> new Totals(
                rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)), day.toString()).orElse(Totals.NONE));
    }

    @Override
    public String currency() {
        return currency.get();
    }
}
