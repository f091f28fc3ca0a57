package solo.orchestration.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.orchestration.expr.CelValues;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.StepDefinition;
import solo.state.storage.StorageException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * Drives one leased run: its steps in order, each checkpointed before the next begins. Steps finished
 * before (by this worker or one that died) are not run again: their recorded outputs are used. Stops
 * when the run completes, fails, waits, or is lost to someone else.
 */
final class RunExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(RunExecutor.class);

    /** What happened to a step, and so to the run. */
    enum Next { CONTINUE, PARKED, FAILED }

    final Engine e;
    final Run run;
    final FlowDefinition flow;
    final Checkpointer checkpoints;
    final Map<String, StepRecord> records = new ConcurrentHashMap<>();
    private final Map<String, Object> steps = new ConcurrentHashMap<>();
    private final Map<String, Object> vars = new HashMap<>();
    private final StepAttempts attempts;
    /** Set once a checkpoint completed the run. */
    volatile boolean ended;

    RunExecutor(Engine e, Run run, FlowDefinition flow, List<StepRecord> log) {
        this.e = e;
        this.run = run;
        this.flow = flow;
        this.checkpoints = new Checkpointer(e, run);
        Map<String, Integer> topLevel = flow.positions();
        for (StepRecord r : log) {
            StepRecord rec = r.withOutput(Checkpointer.resolve(e, r.output()));
            records.put(rec.stepId(), rec);
            if (topLevel.containsKey(rec.stepId())) {
                remember(rec);
            }
        }
        vars.put("input", CelValues.fromJson(run.input()));
        vars.put("trigger", CelValues.fromJson(run.trigger()));
        vars.put("run", Map.of("id", run.id(), "flow", run.flow(), "version", (long) run.flowVersion()));
        vars.put("steps", steps);
        // The run's own clock: when it started, so that a resumed run decides as it would have then.
        vars.put("now", run.createdAt().toString());
        vars.put("today", run.createdAt().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
        this.attempts = new StepAttempts(this);
    }

    Map<String, Object> vars() {
        return vars;
    }

    /**
     * Makes a finished top-level step visible to later expressions as {@code steps.ID}: its status, its output,
     * and {@code confidence} when the step recorded one (an agent's), which actions that read it inherit.
     */
    void remember(StepRecord rec) {
        Map<String, Object> view = new HashMap<>();
        view.put("status", rec.status().text());
        view.put("output", CelValues.fromJson(rec.output()));
        if (rec.detail() != null && rec.detail().path("confidence").isNumber()) {
            view.put("confidence", rec.detail().get("confidence").asDouble());
        }
        if ("gate".equals(rec.kind()) && rec.status() == StepStatus.DONE) {
            view.put("reviewed", true); // the operator approved what the gate showed (see ActionStep.confidence)
        }
        steps.put(rec.stepId(), view);
    }

    void drive() {
        try {
            List<StepDefinition> defs = flow.steps();
            for (int i = 0; i < defs.size(); i++) {
                if (e.stopping()) {
                    e.storage.write(tx -> {
                        e.runs.release(tx, run.id(), e.owner, e.now());
                        return null;
                    });
                    return;
                }
                StepDefinition step = defs.get(i);
                boolean last = i == defs.size() - 1;
                Next next = step.isForeach() ? new ForeachStep(this, attempts).run(step, last)
                        : attempts.single(step, step.id(), vars, last, true);
                if (next != Next.CONTINUE) {
                    return;
                }
            }
            if (!ended) {
                completeIfNeeded();
            }
        } catch (LostRunException lost) {
            LOG.debug("{}", lost.getMessage());
        } catch (StopRequested stop) {
            releaseQuietly();
        } catch (StorageException down) {
            // the database failed us, not the run: give it back, another claim resumes it from its checkpoint
            LOG.warn("run {}: {}; released for a later attempt", run.id(), down.getMessage());
            releaseQuietly();
        } catch (RuntimeException ex) {
            LOG.warn("run {} failed outside its steps: {}", run.id(), ex.toString());
            try {
                checkpoints.end(new RunEnd.Fail(ex.getMessage() == null ? ex.toString() : ex.getMessage()), null);
            } catch (RuntimeException again) {
                LOG.warn("run {}: could not record its failure: {}", run.id(), again.toString());
                releaseQuietly();
            }
        }
    }

    /** The end that goes with the last step's checkpoint: the run completes in the same commit. */
    RunEnd endAfter(boolean last) {
        return last ? new RunEnd.Complete() : null;
    }

    /** The run's output, given the last step's: the flow's {@code output:} template, or that output. */
    JsonNode runOutput(String lastStepId, JsonNode lastOutput) {
        if (flow.output().isEmpty()) {
            return lastOutput;
        }
        Map<String, Object> v = new HashMap<>(vars);
        Map<String, Object> s = new HashMap<>(steps);
        Map<String, Object> view = new HashMap<>();
        view.put("status", "done");
        view.put("output", CelValues.fromJson(lastOutput));
        s.put(lastStepId, view);
        v.put("steps", s);
        return flow.output().render(v);
    }

    /** Called when every step had already finished before this worker took the run (a crash before completing). */
    void completeIfNeeded() {
        StepRecord lastRec = records.get(flow.last().id());
        checkpoints.end(new RunEnd.Complete(), runOutput(flow.last().id(), lastRec == null ? null : lastRec.output()));
    }

    void sleepUntil(Instant until) {
        Duration d = Duration.between(e.now(), until);
        if (d.isNegative() || d.isZero()) {
            return;
        }
        try {
            Thread.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new StopRequested();
        }
        if (e.stopping()) {
            throw new StopRequested();
        }
    }

    private void releaseQuietly() {
        try {
            e.storage.write(tx -> {
                e.runs.release(tx, run.id(), e.owner, e.now());
                return null;
            });
        } catch (RuntimeException ex) {
            LOG.debug("run {}: release failed ({}); its lease will expire", run.id(), ex.toString());
        }
    }

    static JsonNode object(String key, String value) {
        return Json.object().put(key, value);
    }

    /** The worker is shutting down while a step sleeps before its next attempt. */
    static final class StopRequested extends RuntimeException {
        StopRequested() {
            super("stopping", null, false, false);
        }
    }
}
