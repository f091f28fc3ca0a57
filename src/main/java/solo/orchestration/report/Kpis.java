package solo.orchestration.report;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import solo.orchestration.runtime.RunStatus;
import solo.state.storage.Sql;
import solo.state.storage.Storage;

/**
 * The KPIs of the runs triggered in a window, per flow and overall. What counts:
 *
 * <ul>
 *   <li><b>runs</b>: top-level runs (a child run of a {@code flow:} step is part of its parent's) whose trigger
 *       time falls in the window; a fork is a run of its own;</li>
 *   <li><b>cycle time</b>: from the trigger to completion, over the runs that completed; <b>operator wait</b>:
 *       the part of it during which something of the run waited in the inbox (overlaps counted once), leaving
 *       out what an automatic playbook settled; p50 and p95 by the nearest-rank method;</li>
 *   <li><b>failure rate</b>: runs that failed at least once (even if recovered since) / runs;</li>
 *   <li><b>human intervention rate</b>: runs that needed the operator (an inbox item they decided, or that still
 *       waits for them) / runs;</li>
 *   <li><b>cost per run</b>, <b>tokens</b>, <b>cache hit rate</b>: the model calls of the runs and their children
 *       (from the ledger, through {@link ModelUsage}); cache hit rate = calls answered from the cache / calls.</li>
 * </ul>
 */
public final class Kpis {
    private final Storage storage;
    private final ModelUsage usage;
    private final Clock clock;

    public Kpis(Storage storage, ModelUsage usage, Clock clock) {
        this.storage = storage;
        this.usage = usage;
        this.clock = clock;
    }

    /** Milliseconds at the 50th and 95th percentile of {@code of} values (null when there are none). */
    public record Percentiles(Long p50, Long p95, int of) {
        static Percentiles of(List<Long> values) {
            if (values.isEmpty()) {
                return new Percentiles(null, null, 0);
            }
            List<Long> sorted = values.stream().sorted().toList();
            return new Percentiles(rank(sorted, 50), rank(sorted, 95), sorted.size());
        }

        /** Nearest rank: the smallest value with at least p% of the values at or below it. */
        static long rank(List<Long> sorted, int p) {
            int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
        }
    }

    /** One flow's KPIs (or all flows', as {@code *}). Rates are null when there were no runs. */
    public record FlowKpis(String flow, long runs, long completed, long failed, long cancelled, long rolledBack,
            long inProgress, Percentiles cycleTime, Percentiles operatorWait, Double failureRate, Double interventionRate,
            ModelUsage.Totals usage, Double costPerRun, Double cacheHitRate) {}

    public record Report(Instant since, Instant until, String currency, FlowKpis overall, List<FlowKpis> flows) {}

    private record RunRow(String id, String flow, RunStatus status, long created, Long finished) {}

    private record ItemRow(String runId, String kind, long opened, Long closed, String decision, String decidedBy) {
        boolean automatic() {
            return "system".equals(decidedBy) && decision != null && decision.startsWith("playbook:");
        }
    }

    /** The KPIs of the runs triggered in [since, until), of one flow (null: every flow). */
    public Report compute(String flow, Instant since, Instant until) {
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("the window must start before it ends");
        }
        Instant now = clock.instant();
        long end = Math.min(until.toEpochMilli(), now.toEpochMilli());
        List<RunRow> runs = storage.read(sql -> runs(sql, flow, since, until));
        Set<String> ids = new HashSet<>();
        runs.forEach(r -> ids.add(r.id()));
        Map<String, String> roots = storage.read(sql -> children(sql, since, ids));
        Map<String, List<ItemRow>> items = storage.read(sql -> items(sql, since, ids));
        Map<String, ModelUsage.Totals> spent = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        all.addAll(roots.keySet());
        usage.byRun(all).forEach((run, t) -> spent.merge(roots.getOrDefault(run, run), t, ModelUsage.Totals::plus));
        Map<String, List<RunRow>> byFlow = new TreeMap<>();
        runs.forEach(r -> byFlow.computeIfAbsent(r.flow(), k -> new ArrayList<>()).add(r));
        List<FlowKpis> flows = new ArrayList<>();
        byFlow.forEach((name, rows) -> flows.add(kpis(name, rows, items, spent, end)));
        return new Report(since, until, usage.currency(), kpis("*", runs, items, spent, end), flows);
    }

    private static FlowKpis kpis(String flow, List<RunRow> runs, Map<String, List<ItemRow>> items,
            Map<String, ModelUsage.Totals> spent, long end) {
        long completed = 0, failed = 0, cancelled = 0, rolledBack = 0, inProgress = 0, everFailed = 0, needed = 0;
        List<Long> cycle = new ArrayList<>();
        List<Long> waits = new ArrayList<>();
        ModelUsage.Totals usage = ModelUsage.Totals.NONE;
        for (RunRow r : runs) {
            List<ItemRow> mine = items.getOrDefault(r.id(), List.of());
            switch (r.status()) {
                case COMPLETED -> completed++;
                case FAILED -> failed++;
                case CANCELLED -> cancelled++;
                case ROLLED_BACK -> rolledBack++;
                default -> inProgress++;
            }
            if (r.status() == RunStatus.FAILED || mine.stream().anyMatch(i -> "failure".equals(i.kind()))) {
                everFailed++;
            }
            if (mine.stream().anyMatch(i -> i.closed() == null || !"system".equals(i.decidedBy()))) {
                needed++;
            }
            if (r.status() == RunStatus.COMPLETED && r.finished() != null) {
                cycle.add(r.finished() - r.created());
                waits.add(waited(mine, r.finished()));
            }
            usage = usage.plus(spent.getOrDefault(r.id(), ModelUsage.Totals.NONE));
        }
        long n = runs.size();
        return new FlowKpis(flow, n, completed, failed, cancelled, rolledBack, inProgress, Percentiles.of(cycle),
                Percentiles.of(waits), rate(everFailed, n), rate(needed, n), usage,
                n == 0 ? null : usage.costMicros() / 1_000_000.0 / n,
                usage.calls() == 0 ? null : rate(usage.cacheHits(), usage.calls()));
    }

    /** How long something of the run waited for the operator before {@code end}: the union of its items' open times. */
    static long waited(List<ItemRow> items, long end) {
        List<long[]> spans = new ArrayList<>();
        for (ItemRow i : items) {
            if (!i.automatic()) {
                long to = i.closed() == null ? end : Math.min(i.closed(), end);
                if (to > i.opened()) {
                    spans.add(new long[] {i.opened(), to});
                }
            }
        }
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        long total = 0;
        long from = -1;
        long to = -1;
        for (long[] s : spans) {
            if (s[0] > to) {
                total += to - from;
                from = s[0];
                to = s[1];
            } else {
                to = Math.max(to, s[1]);
            }
        }
        return total + (to - from);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }

    private static List<RunRow> runs(Sql sql, String flow, Instant since, Instant until) throws SQLException {
        String where = " WHERE parent_run IS NULL AND created_at >= ? AND created_at < ?" + (flow == null ? "" : " AND flow = ?");
        Object[] params = flow == null ? new Object[] {since.toEpochMilli(), until.toEpochMilli()}
                : new Object[] {since.toEpochMilli(), until.toEpochMilli(), flow};
        return sql.query("SELECT id, flow, status, created_at, finished_at FROM runs" + where + " ORDER BY created_at, id",
                rs -> {
                    long f = rs.getLong(5);
                    return new RunRow(rs.getString(1), rs.getString(2), RunStatus.of(rs.getString(3)), rs.getLong(4),
                            rs.wasNull() ? null : f);
                }, params);
    }

    /** Child runs (at any depth) of the given runs, each mapped to its top-level run. */
    private static Map<String, String> children(Sql sql, Instant since, Set<String> roots) throws SQLException {
        Map<String, String> parent = new HashMap<>();
        for (String[] row : sql.query("SELECT id, parent_run FROM runs WHERE parent_run IS NOT NULL AND created_at >= ?",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, since.toEpochMilli())) {
            parent.put(row[0], row[1]);
        }
        Map<String, String> out = new HashMap<>();
        for (String child : parent.keySet()) {
            String up = child;
            for (int depth = 0; depth < 64 && parent.containsKey(up); depth++) {
                up = parent.get(up);
            }
            if (roots.contains(up)) {
                out.put(child, up);
            }
        }
        return out;
    }

    private static Map<String, List<ItemRow>> items(Sql sql, Instant since, Collection<String> runs) throws SQLException {
        Map<String, List<ItemRow>> out = new HashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        for (ItemRow i : sql.query("SELECT run_id, kind, opened_at, closed_at, decision, decided_by FROM inbox_items"
                + " WHERE opened_at >= ?", rs -> {
                    long c = rs.getLong(4);
                    return new ItemRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.wasNull() ? null : c,
                            rs.getString(5), rs.getString(6));
                }, since.toEpochMilli())) {
            if (runs.contains(i.runId())) {
                out.computeIfAbsent(i.runId(), k -> new ArrayList<>()).add(i);
            }
        }
        return out;
    }
}
