package solo.execution.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import solo.execution.RunRef;
import solo.state.storage.Storage;

/**
 * Every model call's tokens, latency and cost, in the company's database. Budgets are sums over it:
 * per run, per flow per day and per company per day, days counted in the company's time zone.
 */
public final class Ledger {
    private static final String COLUMNS = "id, at, day, run_id, flow, step_id, agent, provider, model, tier, request_key, "
            + "input_tokens, output_tokens, latency_ms, cost_micros, priced, cache_hit, outcome, detail";

    private final Storage storage;
    private final Clock clock;
    private final ZoneId zone;

    public Ledger(Storage storage, Clock clock, ZoneId zone) {
        this.storage = storage;
        this.clock = clock;
        this.zone = zone;
    }

    public Clock clock() {
        return clock;
    }

    /** Today in the company's time zone: the day budgets count. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public String dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone).toString();
    }

    public void record(LedgerEntry e) {
        storage.write(tx -> tx.update("INSERT INTO model_calls (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.id(), e.at().toEpochMilli(), e.day(), e.run().runId(), e.run().flow(), e.run().stepId(), e.agent(),
                e.provider(), e.model(), e.tier(), e.requestKey(), e.inputTokens(), e.outputTokens(), e.latencyMillis(),
                e.costMicros(), e.priced(), e.cacheHit(), e.outcome(), e.detail()));
    }

    /** The calls made for a run, oldest first: what {@code solo runs show} lists per agent step. */
    public List<LedgerEntry> forRun(String runId) {
        return storage.read(sql -> sql.query("SELECT " + COLUMNS + " FROM model_calls WHERE run_id = ? ORDER BY at, id",
                Ledger::entry, runId));
    }

    /** The calls made on one day (company time zone), oldest first. */
    public List<LedgerEntry> forDay(LocalDate day) {
        return storage.read(sql -> sql.query("SELECT " + COLUMNS + " FROM model_calls WHERE day = ? ORDER BY at, id",
                Ledger::entry, day.toString()));
    }

    public long spentOnRun(String runId) {
        return storage.read(sql -> sql.queryLong("SELECT COALESCE(SUM(cost_micros), 0) FROM model_calls WHERE run_id = ?", runId));
    }

    public long spentOnFlow(String flow, LocalDate day) {
        return storage.read(sql -> sql.queryLong(
                "SELECT COALESCE(SUM(cost_micros), 0) FROM model_calls WHERE day = ? AND flow = ?", day.toString(), flow));
    }

    public long spentOnDay(LocalDate day) {
        return storage.read(sql -> sql.queryLong("SELECT COALESCE(SUM(cost_micros), 0) FROM model_calls WHERE day = ?",
                day.toString()));
    }

    /** Calls, tokens and cost by provider and model, over every day. */
    public List<LedgerTotal> totals() {
        return storage.read(sql -> sql.query("SELECT provider, model, count(*), COALESCE(SUM(cache_hit), 0),"
                + " COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0), COALESCE(SUM(cost_micros), 0)"
                + " FROM model_calls GROUP BY provider, model ORDER BY provider, model",
                rs -> new LedgerTotal(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7))));
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getString("id"), Instant.ofEpochMilli(rs.getLong("at")), rs.getString("day"),
                new RunRef(rs.getString("run_id"), rs.getString("flow"), rs.getString("step_id")), rs.getString("agent"),
                rs.getString("provider"), rs.getString("model"), rs.getString("tier"), rs.getString("request_key"),
                rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getLong("latency_ms"), rs.getLong("cost_micros"),
                rs.getInt("priced") != 0, rs.getInt("cache_hit") != 0, rs.getString("outcome"), rs.getString("detail"));
    }
}
