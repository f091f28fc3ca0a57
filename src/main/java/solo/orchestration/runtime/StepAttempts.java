package solo.orchestration.runtime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Semaphore;
import solo.orchestration.expr.ExpressionException;
import solo.orchestration.flow.RetryPolicy;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.DetailedFailure;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;
import solo.state.Actor;
import solo.state.StaleVersionException;
import solo.state.StateException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step (or one foreach item) from its last checkpoint to its next outcome: skip it when its
 * condition is false, resume a wait, or run attempts with backoff until one succeeds, waits, or the
 * last one fails. A top-level step ends the run in the same commit when it is the last, fails or waits.
 */
final class StepAttempts {
    private final RunExecutor x;
    private final Engine e;
    private final FollowUpSteps followUps;

    StepAttempts(RunExecutor x) {
        this.x = x;
        this.e = x.e;
        this.followUps = new FollowUpSteps(x, this);
    }

    RunExecutor.Next single(StepDefinition step, String stepId, Map<String, Object> vars, boolean last, boolean top) {
        StepRecord rec = x.records.get(stepId);
        if (rec != null) {
            switch (rec.status()) {
                case DONE, SKIPPED -> {
                    return RunExecutor.Next.CONTINUE;
                }
                case FAILED -> {
                    if (top) {
                        x.checkpoints.end(new RunEnd.Fail(rec.error()), null);
                    }
                    return RunExecutor.Next.FAILED;
                }
                case UNKNOWN -> {
                    return park(top, null);
                }
                case WAITING -> {
                    return resume(step, rec, vars, last, top);
                }
                default -> { } // PENDING, RUNNING, RETRYING: attempts go on below
            }
        } else if (step.when() != null && !step.when().test(vars)) {
            StepRecord skipped = new StepRecord(x.run.id(), stepId, step.kind(), StepStatus.SKIPPED, 0, null, null, null,
                    null, null, null, e.now(), e.now());
            save(skipped, null, top ? x.endAfter(last) : null, top, last);
            return RunExecutor.Next.CONTINUE;
        }
        return attempt(step, stepId, vars, rec, last, top);
    }

    private RunExecutor.Next resume(StepDefinition step, StepRecord rec, Map<String, Object> vars, boolean last, boolean top) {
        if (FollowUpSteps.WAITING_FOR.equals(rec.waitingFor())) {
            return followUps.run(step, rec, vars, last, top);
        }
        if ("timer".equals(rec.waitingFor())) {
            if (rec.wakeAt() != null && !rec.wakeAt().isAfter(e.now())) {
                StepRecord done = new StepRecord(rec.runId(), rec.stepId(), rec.kind(), StepStatus.DONE, rec.attempts(),
                        rec.input(), Json.object().put("waited_until", rec.wakeAt().toString()), null, null, null,
                        rec.detail(), rec.startedAt(), e.now());
                save(done, null, top ? x.endAfter(last) : null, top, last);
                return RunExecutor.Next.CONTINUE;
            }
            return park(top, rec.wakeAt());
        }
        if ("gate".equals(rec.waitingFor()) && rec.wakeAt() != null) {
            return rec.wakeAt().isAfter(e.now()) ? park(top, rec.wakeAt()) : deadlinePassed(rec, last, top);
        }
        return park(top, null);
    }

    /**
     * A gate's deadline passed with no answer: its default decision is taken, recorded as the system's in the
     * same commit as the step (and the inbox's item settled). A default rejection fails the run as a decision.
     */
    private RunExecutor.Next deadlinePassed(StepRecord rec, boolean last, boolean top) {
        boolean approve = "approve".equals(rec.detail().path("default").asString(""));
        Instant now = e.now();
        var answer = Json.object().put("approved", approve).put("reason", "no answer by the deadline ("
                + rec.wakeAt() + "): the gate's default").put("by", Actor.SYSTEM.text()).put("at", now.toString())
                .put("default", true);
        StepStatus next = approve ? StepStatus.DONE : StepStatus.FAILED;
        rec.status().check(where(rec.stepId()), next);
        String error = approve ? null : "rejected by default: no answer by the deadline " + rec.wakeAt();
        StepRecord decided = new StepRecord(rec.runId(), rec.stepId(), rec.kind(), next, rec.attempts(), rec.input(), answer,
                error, null, null, rec.detail(), rec.startedAt(), now);
        RunEnd end = approve ? (top ? x.endAfter(last) : null) : new RunEnd.Fail("step " + rec.stepId() + ": " + error, true);
        Checkpointer.Output runOutput = end instanceof RunEnd.Complete ? out -> x.runOutput(rec.stepId(), out) : null;
        x.checkpoints.commit(decided, null, tx -> e.queue.defaulted(tx, decided, approve, now), end, runOutput);
        x.records.put(rec.stepId(), decided);
        if (!approve) {
            return RunExecutor.Next.FAILED;
        }
        x.remember(decided);
        if (end instanceof RunEnd.Complete) {
            x.ended = true;
        }
        return RunExecutor.Next.CONTINUE;
    }

    RunExecutor.Next park(boolean top, Instant wakeAt) {
        if (top) {
            x.checkpoints.end(new RunEnd.Park(wakeAt), null);
        }
        return RunExecutor.Next.PARKED;
    }

    private RunExecutor.Next attempt(StepDefinition step, String stepId, Map<String, Object> vars, StepRecord rec,
            boolean last, boolean top) {
        StepKind kind = e.kinds.get(step.kind());
        boolean approved = rec != null && rec.status() == StepStatus.PENDING;
        int attempt = rec == null || approved ? 1 : rec.attempts() + 1;
        boolean unknown = rec != null && rec.status() == StepStatus.RUNNING;
        Instant started = rec != null ? rec.startedAt() : e.now();
        JsonNode detail = rec != null ? rec.detail() : null;
        StepStatus status = rec != null ? rec.status() : StepStatus.PENDING;
        if (rec != null && rec.status() == StepStatus.RETRYING && rec.wakeAt() != null) {
            x.sleepUntil(rec.wakeAt());
        }
        String key = x.run.id() + "/" + stepId;
        while (true) {
            JsonNode input = null;
            try {
                input = detail != null && detail.has(RunControl.EDITED_INPUT) ? detail.get(RunControl.EDITED_INPUT)
                        : step.input().isEmpty() ? null : step.input().render(vars);
                if (kind.hasOutsideEffects(step)) {
                    StepRecord running = record(stepId, step, StepStatus.RUNNING, attempt, input, null, null, null, detail, started);
                    status.check(where(stepId), StepStatus.RUNNING);
                    save(running, null, null, top, false);
                    status = StepStatus.RUNNING;
                }
                StepContext context = new StepContext(x.run.id(), x.run.flow(), stepId, key, attempt, input, step, detail,
                        unknown, new Actor.Step(x.run.id(), stepId), e.store, e.clock, vars);
                StepOutcome outcome = execute(kind, context);
                return finish(step, stepId, status, attempt, input, detail, started, outcome, vars, last, top);
            } catch (LostRunException | RunExecutor.StopRequested stop) {
                throw stop;
            } catch (Exception failure) {
                if (e.stopping()) {
                    throw new RunExecutor.StopRequested(); // interrupted by a shutdown: not the step's fault
                }
                if (retryable(failure, step.retry()) && attempt < step.retry().attempts()) {
                    Instant wake = e.now().plus(step.retry().delayBefore(attempt + 1));
                    JsonNode retryDetail = detail(detail, failure);
                    StepRecord retrying = record(stepId, step, StepStatus.RETRYING, attempt, input, null, message(failure),
                            wake, retryDetail, started);
                    status.check(where(stepId), StepStatus.RETRYING);
                    save(retrying, null, null, top, false);
                    status = StepStatus.RETRYING;
                    x.sleepUntil(wake);
                    attempt++;
                    unknown = false;
                    detail = retryDetail;
                    continue;
                }
                StepRecord failed = new StepRecord(x.run.id(), stepId, step.kind(), StepStatus.FAILED, attempt, input, null,
                        message(failure), stack(failure), null, detail(detail, failure), started, e.now());
                status.check(where(stepId), StepStatus.FAILED);
                save(failed, null, top ? new RunEnd.Fail("step " + stepId + " failed after " + attempt + " attempt"
                        + (attempt == 1 ? "" : "s") + ": " + message(failure)) : null, top, false);
                return RunExecutor.Next.FAILED;
            }
        }
    }

    private RunExecutor.Next finish(StepDefinition step, String stepId, StepStatus status, int attempt, JsonNode input,
            JsonNode detail, Instant started, StepOutcome outcome, Map<String, Object> vars, boolean last, boolean top) {
        switch (outcome) {
            case StepOutcome.Done d when !d.followUps().isEmpty() -> {
                status.check(where(stepId), StepStatus.WAITING);
                StepRecord waiting = record(stepId, step, StepStatus.WAITING, attempt, input, d.output(), null, null,
                        FollowUpSteps.waiting(stepId, d.detail() != null ? d.detail() : detail, d.followUps()), started);
                save(waiting, d, null, top, false); // the output is durable before any of its actions begins
                return followUps.run(step, x.records.get(stepId), vars, last, top);
            }
            case StepOutcome.Done d -> {
                status.check(where(stepId), StepStatus.DONE);
                StepRecord done = new StepRecord(x.run.id(), stepId, step.kind(), StepStatus.DONE, attempt, input, d.output(),
                        null, null, null, d.detail() != null ? d.detail() : detail, started, e.now());
                save(done, d, top ? x.endAfter(last) : null, top, last);
                return RunExecutor.Next.CONTINUE;
            }
            case StepOutcome.Wait w -> {
                status.check(where(stepId), StepStatus.WAITING);
                StepRecord waiting = record(stepId, step, StepStatus.WAITING, attempt, input, null, null, w.until(),
                        w.detail(), started);
                save(waiting, null, top ? new RunEnd.Park(w.until()) : null, top, false);
                return RunExecutor.Next.PARKED;
            }
            case StepOutcome.StartChild c -> {
                status.check(where(stepId), StepStatus.WAITING);
                String childId = x.run.id() + "." + stepId;
                var existing = e.storage.read(sql -> e.runs.find(sql, childId));
                if (existing.isPresent() && existing.get().status() == RunStatus.COMPLETED) {
                    // started before (the run was retried or resumed): its output is this step's
                    return finish(step, stepId, status, attempt, input, detail, started,
                            StepOutcome.done(existing.get().output()), vars, last, top);
                }
                if (existing.isPresent() && existing.get().status().finished()) {
                    throw new NonRetryableException("child run " + childId + " is " + existing.get().status().text()
                            + (existing.get().error() == null ? "" : ": " + existing.get().error()));
                }
                StepRecord waiting = record(stepId, step, StepStatus.WAITING, attempt, input, null, null, null,
                        Json.object().put("waiting_for", "child").put("child", childId).put("flow", c.flow()), started);
                var child = e.catalog.current(c.flow());
                x.checkpoints.commit(waiting, null, tx -> {
                    if (existing.isEmpty()) {
                        new RunStarter(e).insert(tx, child, childId, c.input(), Json.object().put("kind", "flow")
                                .put("run", x.run.id()).put("step", stepId), x.run.id(), stepId, null);
                    } else if (e.runs.lockedStatus(tx, childId).finished()) {
                        // it finished between the read above and this commit: try again, and use its outcome
                        throw new IllegalStateException("child run " + childId + " finished meanwhile");
                    }
                }, new RunEnd.Park(null), null);
                x.records.put(stepId, waiting);
                return RunExecutor.Next.PARKED;
            }
        }
    }

    /** Commits a checkpoint and keeps the record (with its final output) for later steps. */
    JsonNode save(StepRecord rec, StepOutcome.Done done, RunEnd end, boolean top, boolean last) {
        Checkpointer.Output runOutput = end instanceof RunEnd.Complete ? out -> x.runOutput(rec.stepId(), out) : null;
        JsonNode output = x.checkpoints.commit(rec, done == null ? null : done.inCheckpoint(), null, end, runOutput);
        StepRecord saved = rec.withOutput(output);
        x.records.put(rec.stepId(), saved);
        if (top && (saved.status() == StepStatus.DONE || saved.status() == StepStatus.SKIPPED)) {
            x.remember(saved);
        }
        if (end instanceof RunEnd.Complete) {
            x.ended = true;
        }
        return output;
    }

    private StepOutcome execute(StepKind kind, StepContext context) throws Exception {
        Semaphore limit = e.kinds.limit(kind.name());
        if (limit == null) {
            return kind.execute(context);
        }
        limit.acquire();
        try {
            return kind.execute(context);
        } finally {
            limit.release();
        }
    }

    private StepRecord record(String stepId, StepDefinition step, StepStatus status, int attempt, JsonNode input,
            JsonNode output, String error, Instant wakeAt, JsonNode detail, Instant started) {
        return new StepRecord(x.run.id(), stepId, step.kind(), status, attempt, input, output, error, null, wakeAt, detail,
                started, null);
    }

    /** What a failed attempt records: the step's detail, with what the failure knows added ({@link DetailedFailure}). */
    private static JsonNode detail(JsonNode detail, Exception failure) {
        if (!(failure instanceof DetailedFailure d)) {
            return detail;
        }
        ObjectNode merged = detail instanceof ObjectNode o ? o.deepCopy() : Json.object();
        merged.remove("waiting_for");
        merged.setAll(d.detail());
        return merged;
    }

    static boolean retryable(Exception failure, RetryPolicy policy) {
        if (failure instanceof NonRetryableException || failure instanceof ExpressionException
                || failure instanceof IllegalArgumentException
                || (failure instanceof StateException && !(failure instanceof StaleVersionException))) {
            return false;
        }
        return !policy.nonRetryable().contains(failure.getClass().getSimpleName());
    }

    static String message(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    static String stack(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 8000 ? s.substring(0, 8000) : s;
    }

    private String where(String stepId) {
        return "step " + stepId + " of run " + x.run.id();
    }
}
