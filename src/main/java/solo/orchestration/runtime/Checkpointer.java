package solo.orchestration.runtime;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import solo.orchestration.step.InCheckpoint;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Write;
import solo.state.storage.WriteTx;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * Writes one step's checkpoint in one transaction of the group-committed write path: the lease check,
 * the step's own state writes, its row in the step log, and (when it ends the worker's turn) the run's
 * new status and the parent run's step. Many runs' checkpoints share one commit.
 */
final class Checkpointer {
    /** More work for the same transaction (a child run to create). */
    @FunctionalInterface
    interface Extra {
        void run(WriteTx tx) throws SQLException;
    }

    /** Computes the run's output inside the transaction, once the step's output is known. */
    @FunctionalInterface
    interface Output {
        JsonNode of(JsonNode lastStepOutput);
    }

    private final Engine e;
    private final Run run;

    Checkpointer(Engine e, Run run) {
        this.e = e;
        this.run = run;
    }

    /** Commits and returns the step's output (the in-checkpoint work's result when there is one). */
    JsonNode commit(StepRecord rec, InCheckpoint work, Extra extra, RunEnd end, Output runOutput) {
        if (work == null && extra == null && run.parentRun() == null && small(rec.output())) {
            // the common case: nothing but the step log and the run's row, batched with other runs' checkpoints
            e.batcher.commit(rec, end, end instanceof RunEnd.Complete && runOutput != null ? runOutput.of(rec.output()) : null);
            return rec.output();
        }
        Instant now = e.now();
        return e.storage.write(tx -> {
            JsonNode output = work != null ? work.apply(tx) : rec.output();
            StepRecord saved = rec.withOutput(inline(tx, rec, output));
            if (end == null) {
                e.runs.checkpoint(tx, saved, e.owner, now);
            } else {
                e.runs.saveStep(tx, saved); // the run's status change below checks the lease
            }
            if (OperatorQueue.waitsForOperator(saved)) {
                e.queue.waiting(tx, saved, now);
            }
            if (extra != null) {
                extra.run(tx);
            }
            if (end != null) {
                end(tx, end, runOutput == null ? null : runOutput.of(output), now);
            }
            return output;
        });
    }

    /** Ends the worker's turn without a step checkpoint (all steps were already finished, or an error outside steps). */
    void end(RunEnd end, JsonNode output) {
        Instant now = e.now();
        e.storage.write(tx -> {
            end(tx, end, output, now);
            return null;
        });
    }

    private void end(WriteTx tx, RunEnd end, JsonNode output, Instant now) throws SQLException {
        switch (end) {
            case RunEnd.Park p -> e.runs.end(tx, run.id(), e.owner, RunStatus.WAITING, p.wakeAt(), null, null, now);
            case RunEnd.Complete c -> {
                e.runs.end(tx, run.id(), e.owner, RunStatus.COMPLETED, null, output, null, now);
                notifyParent(tx, output, null, now);
            }
            case RunEnd.Fail f -> {
                e.runs.end(tx, run.id(), e.owner, RunStatus.FAILED, null, null, f.error(), now);
                if (run.parentRun() == null && !f.decided()) {
                    e.queue.failed(tx, run.id(), f.error(), now); // a child's failure reaches the operator through its parent
                }
                notifyParent(tx, null, "child run " + run.id() + " failed: " + f.error(), now);
            }
        }
    }

    /** A child run that finished ends its parent's waiting step and wakes the parent, in the same commit. */
    private void notifyParent(WriteTx tx, JsonNode output, String error, Instant now) throws SQLException {
        if (run.parentRun() == null) {
            return;
        }
        var waiting = e.runs.step(tx, run.parentRun(), run.parentStep());
        if (waiting.isEmpty() || waiting.get().status() != StepStatus.WAITING) {
            return; // the parent was cancelled or moved on
        }
        StepRecord s = waiting.get();
        StepStatus next = error == null ? StepStatus.DONE : StepStatus.FAILED;
        s.status().check("step " + s.stepId() + " of run " + s.runId(), next);
        e.runs.saveStep(tx, new StepRecord(s.runId(), s.stepId(), s.kind(), next, s.attempts(), s.input(), output, error,
                null, null, s.detail(), s.startedAt(), now));
        e.runs.wake(tx, run.parentRun(), now);
    }

    private boolean small(JsonNode output) {
        return output == null || (output.isContainer() && output.isEmpty()) || Json.write(output).length() <= e.settings.maxInlineOutput();
    }

    /** An output above the size limit is stored as an artifact, and the step log keeps a reference. */
    private JsonNode inline(WriteTx tx, StepRecord rec, JsonNode output) {
        if (output == null) {
            return null;
        }
        String text = Json.write(output);
        if (text.length() <= e.settings.maxInlineOutput()) {
            return output;
        }
        var artifact = e.store.apply(tx, Write.of(new Actor.Step(run.id(), rec.stepId()), "output of step " + rec.stepId(),
                new Change.AddArtifact(null, "run-output", "output of " + run.id() + "/" + rec.stepId(), text, null,
                        "application/json", null, null, List.of()))).artifact();
        return Json.object().put("$artifact", artifact.id()).put("bytes", text.length());
    }

    /** Reads an output that was stored as an artifact. */
    static JsonNode resolve(Engine e, JsonNode output) {
        if (output == null || !output.isObject() || !output.has("$artifact")) {
            return output;
        }
        String id = output.get("$artifact").asString();
        return e.store.artifact(id).map(a -> Json.read(a.text())).orElse(output);
    }
}
