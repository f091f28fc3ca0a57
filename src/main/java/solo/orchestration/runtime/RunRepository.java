package solo.orchestration.runtime;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import solo.state.storage.Dialect;
import solo.state.storage.Sql;
import solo.state.storage.WriteTx;
import tools.jackson.databind.JsonNode;

/**
 * The SQL of runs and the step log, the same on SQLite and PostgreSQL. A worker's writes are guarded by
 * its lease ({@code lease_owner = ? AND status = 'running'}), so a worker that lost a run (cancelled,
 * or taken over after its lease expired) cannot checkpoint into it; everyone else's changes are guarded
 * by the run's version (optimistic locking).
 */
public final class RunRepository {
    private static final String RUNNING = RunStatus.RUNNING.text();

    // ---- creating and claiming -------------------------------------------------------------------

    /** Inserts a run; false when a run with this id exists already (a trigger that fired twice). */
    public boolean insert(WriteTx tx, Run r) throws SQLException {
        return tx.update("INSERT INTO runs (" + RunRows.RUN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT DO NOTHING", r.id(), r.flow(), r.flowVersion(), r.status().text(), RunRows.text(r.input()),
                RunRows.text(r.trigger()), r.parentRun(), r.parentStep(), r.forkedFrom(), RunRows.text(r.output()),
                r.error(), r.leaseOwner(), RunRows.millis(r.leaseUntil()), RunRows.millis(r.wakeAt()), r.version(),
                RunRows.millis(r.createdAt()), RunRows.millis(r.updatedAt()), RunRows.millis(r.finishedAt())) == 1;
    }

    /**
     * Leases up to {@code limit} runs that are ready: queued, waiting and due, or running under a lease
     * that expired (its worker died). Rows other workers are claiming at the same moment are skipped.
     */
    public List<Run> claim(WriteTx tx, String owner, Instant leaseUntil, Instant now, int limit) throws SQLException {
        long t = now.toEpochMilli();
        return tx.query("UPDATE runs SET status = 'running', lease_owner = ?, lease_until = ?, wake_at = NULL,"
                + " version = version + 1, updated_at = ? WHERE id IN (SELECT id FROM runs WHERE status = 'queued'"
                + " OR (status = 'waiting' AND wake_at <= ?) OR (status = 'running' AND lease_until < ?)"
                + " ORDER BY updated_at LIMIT ?" + tx.dialect().forUpdateSkipLocked() + ")"
                + " RETURNING " + RunRows.RUN_COLUMNS,
                RunRows::run, owner, leaseUntil.toEpochMilli(), t, t, t, limit);
    }

    /** Leases one run that is ready (to drive it in this process, as {@code solo flow run} does). */
    public Optional<Run> claimOne(WriteTx tx, String id, String owner, Instant leaseUntil, Instant now) throws SQLException {
        long t = now.toEpochMilli();
        return tx.queryOne("UPDATE runs SET status = 'running', lease_owner = ?, lease_until = ?, wake_at = NULL,"
                + " version = version + 1, updated_at = ? WHERE id = ? AND (status = 'queued'"
                + " OR (status = 'waiting' AND wake_at <= ?) OR (status = 'running' AND (lease_until < ? OR lease_owner = ?)))"
                + " RETURNING " + RunRows.RUN_COLUMNS, RunRows::run, owner, leaseUntil.toEpochMilli(), t, id, t, t, owner);
    }

    /** Extends every lease this worker holds; returns how many runs it still owns. */
    public int heartbeat(WriteTx tx, String owner, Instant leaseUntil) throws SQLException {
        return tx.update("UPDATE runs SET lease_until = ? WHERE lease_owner = ? AND status = 'running'",
                leaseUntil.toEpochMilli(), owner);
    }

    /** Gives a run back to the queue (a worker shutting down between steps). */
    public void release(WriteTx tx, String runId, String owner, Instant now) throws SQLException {
        tx.update("UPDATE runs SET status = 'queued', lease_owner = NULL, lease_until = NULL, version = version + 1,"
                + " updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'", now.toEpochMilli(), runId, owner);
    }

    // ---- checkpoints by the worker that owns the run ---------------------------------------------

    /** Fails with {@link LostRunException} unless this worker still owns the run (and locks its row till commit). */
    public void guard(WriteTx tx, String runId, String owner, Instant now) throws SQLException {
        if (tx.update(GUARD, now.toEpochMilli(), runId, owner) != 1) {
            throw new LostRunException(runId);
        }
    }

    /**
     * Checkpoints a step of a run this worker owns: the lease check and the step's row. On SQLite, whose
     * write transactions exclude each other, that is one statement; PostgreSQL also locks the run's row,
     * so that a worker taking the run over waits for this commit and then sees the step.
     */
    public void checkpoint(WriteTx tx, StepRecord s, String owner, Instant now) throws SQLException {
        if (tx.dialect() != Dialect.SQLITE) {
            guard(tx, s.runId(), owner, now);
            saveStep(tx, s);
            return;
        }
        if (tx.update(GUARDED_STEP, stepParams(s, s.runId(), owner)) != 1) {
            throw new LostRunException(s.runId());
        }
    }

    static final String GUARD = "UPDATE runs SET updated_at = ? WHERE id = ? AND lease_owner = ? AND status = 'running'";

    private static final String UPSERT = " ON CONFLICT (run_id, step_id) DO UPDATE SET kind = excluded.kind,"
            + " status = excluded.status, attempts = excluded.attempts, input = excluded.input, output = excluded.output,"
            + " error = excluded.error, stack = excluded.stack, wake_at = excluded.wake_at, detail = excluded.detail,"
            + " started_at = excluded.started_at, finished_at = excluded.finished_at";

    static final String STEP = "INSERT INTO run_steps (" + RunRows.STEP_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + UPSERT;

    /** The step's row, written only if the worker still owns the run (SQLite: one exclusive transaction). */
    static final String GUARDED_STEP = "INSERT INTO run_steps (" + RunRows.STEP_COLUMNS + ") SELECT ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM runs WHERE id = ? AND lease_owner = ? AND status = 'running')"
            + UPSERT;

    static final String END = "UPDATE runs SET status = ?, lease_owner = NULL, lease_until = NULL, wake_at = ?, output = ?,"
            + " error = ?, version = version + 1, updated_at = ?, finished_at = ? WHERE id = ? AND lease_owner = ?"
            + " AND status = 'running'";

    static Object[] endParams(String runId, String owner, RunStatus status, Instant wakeAt, JsonNode output, String error,
            Instant now) {
        RunStatus.RUNNING.check(runId, status);
        return new Object[] {status.text(), RunRows.millis(wakeAt), RunRows.text(output), error, now.toEpochMilli(),
            status.finished() ? now.toEpochMilli() : null, runId, owner};
    }

    static Object[] stepParams(StepRecord s, Object... more) {
        Object[] p = new Object[] {s.runId(), s.stepId(), s.kind(), s.status().text(), s.attempts(), RunRows.text(s.input()),
            RunRows.text(s.output()), s.error(), s.stack(), RunRows.millis(s.wakeAt()), RunRows.text(s.detail()),
            RunRows.millis(s.startedAt()), RunRows.millis(s.finishedAt())};
        Object[] all = Arrays.copyOf(p, p.length + more.length);
        System.arraycopy(more, 0, all, p.length, more.length);
        return all;
    }

    public void saveStep(WriteTx tx, StepRecord s) throws SQLException {
        tx.update(STEP, stepParams(s));
    }

    /** The owner ends its lease: the run finished, or waits (until {@code wakeAt}, or until someone wakes it). */
    public void end(WriteTx tx, String runId, String owner, RunStatus status, Instant wakeAt, JsonNode output,
            String error, Instant now) throws SQLException {
        if (tx.update(END, endParams(runId, owner, status, wakeAt, output, error, now)) != 1) {
            throw new LostRunException(runId);
        }
    }

    // ---- changes by anyone else (optimistic) -----------------------------------------------------

    /** Moves a run from the status and version that were read to {@code to}; {@link StaleRunException} if it changed. */
    public void transition(WriteTx tx, Run read, RunStatus to, String error, Instant now) throws SQLException {
        transition(tx, read, to, error, null, now);
    }

    /**
     * As {@link #transition(WriteTx, Run, RunStatus, String, Instant)}, waking at {@code wakeAt} when the run
     * becomes {@code waiting}. A run that had finished keeps the time it finished (cycle times count to it).
     */
    public void transition(WriteTx tx, Run read, RunStatus to, String error, Instant wakeAt, Instant now) throws SQLException {
        read.status().check(read.id(), to);
        String finished = to.finished() ? "COALESCE(finished_at, ?)" : "?";
        Long finishedAt = to.finished() ? now.toEpochMilli() : null;
        if (tx.update("UPDATE runs SET status = ?, error = ?, lease_owner = NULL, lease_until = NULL, wake_at = ?,"
                + " version = version + 1, updated_at = ?, finished_at = " + finished + " WHERE id = ? AND version = ?",
                to.text(), error, RunRows.millis(wakeAt), now.toEpochMilli(), finishedAt, read.id(), read.version()) != 1) {
            throw new StaleRunException(read.id(), read.version());
        }
    }

    /** Wakes a waiting run (its child finished, or the operator answered); false if it is not waiting. */
    public boolean wake(WriteTx tx, String runId, Instant now) throws SQLException {
        return tx.update("UPDATE runs SET status = 'queued', wake_at = NULL, version = version + 1, updated_at = ?"
                + " WHERE id = ? AND status = 'waiting'", now.toEpochMilli(), runId) == 1;
    }

    public void deleteStep(WriteTx tx, String runId, String stepId) throws SQLException {
        tx.update("DELETE FROM run_steps WHERE run_id = ? AND step_id = ?", runId, stepId);
    }

    // ---- reads -----------------------------------------------------------------------------------

    /** A run's status, its row locked until the transaction ends (serializes with that run's own end). */
    public RunStatus lockedStatus(WriteTx tx, String id) throws SQLException {
        return RunStatus.of(tx.queryOne("SELECT status FROM runs WHERE id = ?" + tx.dialect().forUpdate(),
                rs -> rs.getString(1), id).orElseThrow());
    }

    public Optional<Run> find(Sql sql, String id) throws SQLException {
        return sql.queryOne("SELECT " + RunRows.RUN_COLUMNS + " FROM runs WHERE id = ?", RunRows::run, id);
    }

    public List<StepRecord> steps(Sql sql, String runId) throws SQLException {
        return sql.query("SELECT " + RunRows.STEP_COLUMNS + " FROM run_steps WHERE run_id = ? ORDER BY started_at, step_id",
                RunRows::step, runId);
    }

    public Optional<StepRecord> step(Sql sql, String runId, String stepId) throws SQLException {
        return sql.queryOne("SELECT " + RunRows.STEP_COLUMNS + " FROM run_steps WHERE run_id = ? AND step_id = ?",
                RunRows::step, runId, stepId);
    }

    /** Runs newest first, optionally of one flow and one status. */
    public List<Run> list(Sql sql, String flow, RunStatus status, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (flow != null) {
            where.append(" AND flow = ?");
            params.add(flow);
        }
        if (status != null) {
            where.append(" AND status = ?");
            params.add(status.text());
        }
        params.add(limit);
        return sql.query("SELECT " + RunRows.RUN_COLUMNS + " FROM runs" + where + " ORDER BY created_at DESC, id DESC LIMIT ?",
                RunRows::run, params.toArray());
    }

    /** Steps waiting for the operator (gates, approvals, tasks, budgets, unknown outcomes), oldest first: the inbox's source. */
    public List<StepRecord> waitingForOperator(Sql sql, int limit) throws SQLException {
        return sql.query("SELECT " + RunRows.STEP_COLUMNS + " FROM run_steps WHERE status IN ('waiting', 'unknown')"
                + " ORDER BY started_at LIMIT ?", RunRows::step, limit).stream()
                .filter(s -> s.status() == StepStatus.UNKNOWN || RunControl.forOperator(s.waitingFor()))
                .toList();
    }

    /** Action steps done since a time (null: ever) whose detail mentions a text (null: any), newest first. */
    public List<StepRecord> actionsDone(Sql sql, Instant since, String mentioning, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE kind = 'action' AND status = 'done'");
        if (since != null) {
            where.append(" AND finished_at >= ?");
            params.add(since.toEpochMilli());
        }
        if (mentioning != null) {
            where.append(" AND detail LIKE ?");
            // '_' in ids matches any character: LIKE narrows the scan, the caller reads the detail to decide
            params.add("%" + mentioning.replace("%", "") + "%");
        }
        params.add(limit);
        return sql.query("SELECT " + RunRows.STEP_COLUMNS + " FROM run_steps" + where + " ORDER BY finished_at DESC LIMIT ?",
                RunRows::step, params.toArray());
    }

    public long count(Sql sql, RunStatus status) throws SQLException {
        return sql.queryLong("SELECT count(*) FROM runs WHERE status = ?", status.text());
    }
}
