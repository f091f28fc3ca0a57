package solo.orchestration.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import solo.orchestration.runtime.OperatorQueue;
import solo.orchestration.runtime.RunRepository;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Store;
import solo.state.Write;
import solo.state.storage.Sql;
import solo.state.storage.WriteTx;
import solo.support.Ids;
import solo.support.Json;

/**
 * The inbox's table: items opened and closed by the runtime inside the transactions that change runs (it is
 * the runtime's {@link OperatorQueue}), and the queries of the queue. All SQL of the inbox lives here.
 */
public final class InboxItems implements OperatorQueue {
    /** Items whose deadline is this close (or past) come first, soonest first. */
    static final Duration URGENT = Duration.ofHours(24);
    private static final Set<String> PLAYBOOK_KINDS = Set.of(InboxItem.FAILURE, "budget", "outcome");
    static final String COLUMNS = "id, run_id, step_id, kind, flow, title, impact, impacts, due_at, default_decision, opened_at,"
            + " closed_at, is_open, snoozed_until, decision, decided_by";

    private final Store store;
    private final java.time.Clock clock;

    public InboxItems(Store store, java.time.Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    // ---- the runtime's queue ---------------------------------------------------------------------

    @Override
    public void waiting(WriteTx tx, StepRecord step, Instant now) throws SQLException {
        if (openItem(tx, step.runId(), step.stepId()).isPresent()) {
            return; // still the same wait (a step checkpointed again while it waits)
        }
        String kind = Triage.kind(step);
        List<String> impacts = Triage.impacts(step.detail());
        Instant due = "gate".equals(kind) ? step.wakeAt() : null;
        String byDefault = due == null ? null : step.detail().path("default").asString(null);
        insert(tx, step.runId(), step.stepId(), kind, Triage.title(kind, step, this::label), impacts, due, byDefault, now,
                PLAYBOOK_KINDS.contains(kind) ? now : null);
    }

    /** An entity's label for a title ("Ada Park" rather than lead_06h4…); the id when it is not an entity. */
    private String label(String id) {
        try {
            return store.find(id).map(e -> e.label() + " (" + e.type() + ")").orElse(id);
        } catch (RuntimeException e) {
            return id;
        }
    }

    @Override
    public void failed(WriteTx tx, String runId, String error, Instant now) throws SQLException {
        if (tx.queryOne("SELECT id FROM inbox_items WHERE run_id = ? AND kind = 'failure' AND is_open = 1",
                rs -> rs.getString(1), runId).isPresent()) {
            return;
        }
        Optional<StepRecord> failed = failedStep(tx, runId);
        List<String> impacts = failed.map(s -> Triage.impacts(s.detail())).orElse(List.of());
        insert(tx, runId, failed.map(StepRecord::stepId).orElse(""), InboxItem.FAILURE, Triage.failureTitle(error), impacts,
                null, null, now, now);
    }

    @Override
    public void settled(WriteTx tx, String runId, String stepId, String decision, Actor by, Instant now) throws SQLException {
        if (stepId == null) {
            tx.update("UPDATE inbox_items SET is_open = 0, closed_at = ?, decision = ?, decided_by = ?, sweep_at = NULL"
                    + " WHERE run_id = ? AND is_open = 1", now.toEpochMilli(), decision, by.text(), runId);
        } else {
            tx.update("UPDATE inbox_items SET is_open = 0, closed_at = ?, decision = ?, decided_by = ?, sweep_at = NULL"
                    + " WHERE run_id = ? AND step_id = ? AND is_open = 1", now.toEpochMilli(), decision, by.text(), runId, stepId);
        }
    }

    @Override
    public void defaulted(WriteTx tx, StepRecord step, boolean approved, Instant now) throws SQLException {
        String item = openItem(tx, step.runId(), step.stepId()).map(InboxItem::id).orElse(null);
        String decision = approved ? "approved" : "rejected";
        settled(tx, step.runId(), step.stepId(), "defaulted:" + decision, Actor.SYSTEM, now);
        store.apply(tx, Write.of(Actor.SYSTEM, "no answer by the deadline: the gate's default is to " + (approved ? "approve" : "reject"),
                new Change.RecordEvent(Decisions.DEFAULTED, step.runId(), "run", Json.object().put("item", item)
                        .put("step", step.stepId()).put("kind", "gate").put("decision", decision)
                        .put("deadline", step.detail().path("deadline").asString(null)))));
    }

    private void insert(WriteTx tx, String runId, String stepId, String kind, String title, List<String> impacts, Instant due,
            String byDefault, Instant now, Instant sweepAt) throws SQLException {
        String flow = tx.queryOne("SELECT flow FROM runs WHERE id = ?", rs -> rs.getString(1), runId).orElse("");
        tx.update("INSERT INTO inbox_items (" + COLUMNS + ", sweep_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)",
                Ids.next("in", clock), runId, stepId, kind, flow, title, Triage.impact(kind, impacts), Triage.impactsText(impacts),
                due == null ? null : due.toEpochMilli(), byDefault, now.toEpochMilli(), null, null, null, null,
                sweepAt == null ? null : sweepAt.toEpochMilli());
    }

    /** The run's failed step the failure is about: the latest, and the innermost (an agent's action) on a tie. */
    static Optional<StepRecord> failedStep(Sql sql, String runId) throws SQLException {
        return new RunRepository().steps(sql, runId).stream().filter(s -> s.status() == StepStatus.FAILED)
                .max(Comparator.comparing((StepRecord s) -> s.finishedAt() == null ? Instant.EPOCH : s.finishedAt())
                        .thenComparing(StepRecord::stepId));
    }

    // ---- the queue -------------------------------------------------------------------------------

    /**
     * A page of the queue: open items due within {@link #URGENT} (or overdue) first, soonest first; then by
     * business impact, then oldest first. Snoozed items are left out (or, with {@code snoozed}, are all there is).
     * Two index-backed queries, each reading no more rows than the page needs.
     */
    List<InboxItem> page(Sql sql, Instant now, int offset, int limit, boolean snoozed) throws SQLException {
        long t = now.toEpochMilli();
        String hidden = snoozed ? " AND snoozed_until > ?" : " AND (snoozed_until IS NULL OR snoozed_until <= ?)";
        int wanted = offset + limit;
        List<InboxItem> out = new ArrayList<>(sql.query("SELECT " + COLUMNS + " FROM inbox_items WHERE is_open = 1"
                + " AND due_at IS NOT NULL AND due_at <= ?" + hidden + " ORDER BY due_at, id LIMIT ?", InboxItems::item,
                t + URGENT.toMillis(), t, wanted));
        if (out.size() < wanted) {
            out.addAll(sql.query("SELECT " + COLUMNS + " FROM inbox_items WHERE is_open = 1"
                    + " AND (due_at IS NULL OR due_at > ?)" + hidden + " ORDER BY impact DESC, opened_at, id LIMIT ?",
                    InboxItems::item, t + URGENT.toMillis(), t, wanted - out.size()));
        }
        return offset >= out.size() ? List.of() : out.subList(offset, out.size());
    }

    /** Open items, and how many of them are snoozed now. */
    Counts counts(Sql sql, Instant now) throws SQLException {
        long open = sql.queryLong("SELECT count(*) FROM inbox_items WHERE is_open = 1");
        long snoozed = sql.queryLong("SELECT count(*) FROM inbox_items WHERE is_open = 1 AND snoozed_until > ?",
                now.toEpochMilli());
        return new Counts(open, snoozed);
    }

    record Counts(long open, long snoozed) {}

    /** An item by its id, or by the start of it when that names one item only. */
    Optional<InboxItem> find(Sql sql, String id) throws SQLException {
        Optional<InboxItem> exact = sql.queryOne("SELECT " + COLUMNS + " FROM inbox_items WHERE id = ?", InboxItems::item, id);
        if (exact.isPresent() || id.length() < 6) {
            return exact;
        }
        String like = id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<InboxItem> prefixed = sql.query("SELECT " + COLUMNS + " FROM inbox_items WHERE id LIKE ? ESCAPE '\\'"
                + " ORDER BY id LIMIT 2", InboxItems::item, like);
        return prefixed.size() == 1 ? Optional.of(prefixed.getFirst()) : Optional.empty();
    }

    static Optional<InboxItem> openItem(Sql sql, String runId, String stepId) throws SQLException {
        return sql.queryOne("SELECT " + COLUMNS + " FROM inbox_items WHERE run_id = ? AND step_id = ? AND is_open = 1",
                InboxItems::item, runId, stepId);
    }

    /** Every item a run ever had, oldest first. */
    List<InboxItem> ofRun(Sql sql, String runId) throws SQLException {
        return sql.query("SELECT " + COLUMNS + " FROM inbox_items WHERE run_id = ? ORDER BY opened_at, id", InboxItems::item, runId);
    }

    /** Open items automatic playbooks have not looked at yet, oldest first. */
    List<InboxItem> toSweep(Sql sql, Instant now, int limit) throws SQLException {
        return sql.query("SELECT " + COLUMNS + " FROM inbox_items WHERE sweep_at IS NOT NULL AND sweep_at <= ?"
                + " ORDER BY sweep_at, id LIMIT ?", InboxItems::item, now.toEpochMilli(), limit);
    }

    static void swept(WriteTx tx, String itemId) throws SQLException {
        tx.update("UPDATE inbox_items SET sweep_at = NULL WHERE id = ?", itemId);
    }

    static void snooze(WriteTx tx, String itemId, Instant until) throws SQLException {
        tx.update("UPDATE inbox_items SET snoozed_until = ? WHERE id = ? AND is_open = 1", until.toEpochMilli(), itemId);
    }

    /** Names how an item was settled more exactly than the runtime could (edited, a playbook's action). */
    static void decided(WriteTx tx, String itemId, String decision) throws SQLException {
        tx.update("UPDATE inbox_items SET decision = ? WHERE id = ?", decision, itemId);
    }

    /** How often a playbook's action was taken by itself for a run (what bounds automatic retries). */
    static long taken(Sql sql, String runId, String decision) throws SQLException {
        return sql.queryLong("SELECT count(*) FROM inbox_items WHERE run_id = ? AND decision = ?", runId, decision);
    }

    static InboxItem item(ResultSet rs) throws SQLException {
        return new InboxItem(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), Triage.impactsOf(rs.getString(8)), instant(rs, 9), rs.getString(10),
                instant(rs, 11), instant(rs, 12), rs.getInt(13) == 1, instant(rs, 14), rs.getString(15), rs.getString(16));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
