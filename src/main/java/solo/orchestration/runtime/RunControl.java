package solo.orchestration.runtime;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.StepDefinition;
import solo.state.Actor;
import solo.state.Undo;
import solo.state.storage.WriteTx;
import solo.support.Ids;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the operator (and triggers) do with runs: start, cancel, retry from the failure, fork from a
 * step, answer a waiting step. Every change checks the transition tables and the run's version, and is
 * tried again a few times when a worker changed the run in between ({@link StaleRunException}).
 */
public final class RunControl {
    /** Where a step's detail keeps the input the operator edited before approving it. */
    public static final String EDITED_INPUT = "edited_input";
    private static final Object FORKED = new Object();
    private final Engine e;
    private final RunStarter starter;
    private final RunRollback rollback;

    public RunControl(Engine e) {
        this.e = e;
        this.starter = new RunStarter(e);
        this.rollback = new RunRollback(e);
    }

    // ---- starting --------------------------------------------------------------------------------

    /** Queues a run of the flow's current version. */
    public Run start(String flow, JsonNode input, JsonNode trigger) {
        return start(flow, input, trigger, null);
    }

    /** Starts a run already leased to this process's worker, to be driven here at once. */
    public Run startLeased(String flow, JsonNode input, JsonNode trigger) {
        e.leased = true;
        return start(flow, input, trigger, e.owner);
    }

    private Run start(String flow, JsonNode input, JsonNode trigger, String leaseTo) {
        FlowDefinition def = e.catalog.current(flow);
        String id = Ids.next("run", e.clock);
        return e.storage.write(tx -> starter.insert(tx, def, id, input, trigger == null ? manual() : trigger, null, null, leaseTo));
    }

    /** Queues a run inside the caller's transaction (triggers); false if a run with this id exists. */
    public boolean start(WriteTx tx, FlowDefinition def, String id, JsonNode input, JsonNode trigger) throws SQLException {
        return starter.insert(tx, def, id, input, trigger, null, null, null) != null;
    }

    private static JsonNode manual() {
        return Json.object().put("kind", "manual").put("by", Actor.OPERATOR.text());
    }

    // ---- reading ---------------------------------------------------------------------------------

    public Optional<Run> find(String id) {
        return e.storage.read(sql -> e.runs.find(sql, id));
    }

    public Run get(String id) {
        return find(id).orElseThrow(() -> new SoloException("no run " + id + " (see: solo runs list)"));
    }

    /**
     * The run's step log as a timeline: by start, and steps that started in the same millisecond in the order
     * of the flow (a foreach item or a follow-up action after its step).
     */
    public List<StepRecord> steps(String runId) {
        List<StepRecord> steps = e.storage.read(sql -> e.runs.steps(sql, runId));
        Map<String, Integer> positions = find(runId).map(r -> {
            try {
                return e.catalog.version(r.flow(), r.flowVersion()).positions();
            } catch (RuntimeException gone) {
                return Map.<String, Integer>of(); // a flow version no longer readable: keep the store's order
            }
        }).orElse(Map.of());
        if (positions.isEmpty()) {
            return steps;
        }
        List<StepRecord> sorted = new java.util.ArrayList<>(steps);
        sorted.sort(java.util.Comparator.comparing((StepRecord s) -> s.startedAt() == null ? java.time.Instant.MAX : s.startedAt())
                .thenComparingInt(s -> positions.getOrDefault(s.stepId().replaceAll("\\[.*$", ""), Integer.MAX_VALUE))
                .thenComparing(StepRecord::stepId));
        return sorted;
    }

    public List<Run> list(String flow, RunStatus status, int limit) {
        return e.storage.read(sql -> e.runs.list(sql, flow, status, limit));
    }

    /**
     * Steps waiting for the operator, oldest first (the inbox builds on this): {@code detail.waiting_for} says
     * for what — {@code gate}, {@code approval} (a policy or a low confidence), {@code outcome} (unknown after a
     * crash), {@code budget} (a model call would exceed a budget), {@code task} (an agent step the operator
     * answers); {@link #answer} and, for tasks, {@link #provide} end the wait.
     */
    public List<StepRecord> waitingForOperator(int limit) {
        return e.storage.read(sql -> e.runs.waitingForOperator(sql, limit));
    }

    // ---- operator controls -----------------------------------------------------------------------

    public Run cancel(String runId, String reason) {
        return cancel(runId, reason, Actor.OPERATOR, null);
    }

    /** Cancels the run; {@code also} runs in the same transaction (the inbox records the decision there). */
    public Run cancel(String runId, String reason, Actor by, InTransaction also) {
        return optimistic(() -> {
            Run run = get(runId);
            e.storage.write(tx -> {
                Instant now = e.now();
                e.runs.transition(tx, run, RunStatus.CANCELLED, "cancelled by " + who(by)
                        + (reason == null || reason.isBlank() ? "" : ": " + reason), now);
                e.queue.settled(tx, runId, null, "cancelled", by, now);
                also(tx, also);
                return null;
            });
            return get(runId);
        });
    }

    /** Runs a failed run again from its failure: failed steps go back to pending, finished ones stay. */
    public Run retry(String runId) {
        return retry(runId, null, null, Actor.OPERATOR, null);
    }

    /**
     * Runs a failed run again from its failure, after {@code delay} (null: at once). {@code tier}, when given, is
     * the model tier the failed agent steps run on this time ({@code tier} in their detail, which the agent kind
     * honours). {@code also} runs in the same transaction.
     */
    public Run retry(String runId, Duration delay, String tier, Actor by, InTransaction also) {
        return optimistic(() -> {
            Run run = get(runId);
            if (run.status() != RunStatus.FAILED) {
                throw new IllegalTransitionException("run " + runId + " is " + run.status().text()
                        + "; only a failed run can be retried");
            }
            List<StepRecord> failed = steps(runId).stream().filter(s -> s.status() == StepStatus.FAILED).toList();
            for (StepRecord s : failed) {
                // a child run that failed is retried too; the step then waits for it again
                String child = s.detail() == null ? null : s.detail().path("child").asString(null);
                if (child != null && find(child).map(c -> c.status() == RunStatus.FAILED).orElse(false)) {
                    retry(child);
                }
            }
            e.storage.write(tx -> {
                Instant now = e.now();
                for (StepRecord s : failed) {
                    s.status().check("step " + s.stepId() + " of run " + runId, StepStatus.PENDING);
                    if (tier != null && "agent".equals(s.kind())) {
                        e.runs.saveStep(tx, new StepRecord(runId, s.stepId(), s.kind(), StepStatus.PENDING, s.attempts(),
                                s.input(), null, null, null, null, Json.object().put("tier", tier), s.startedAt(), null));
                    } else {
                        e.runs.deleteStep(tx, runId, s.stepId());
                    }
                }
                if (delay == null || delay.isZero()) {
                    e.runs.transition(tx, run, RunStatus.QUEUED, null, now);
                } else {
                    e.runs.transition(tx, run, RunStatus.WAITING, null, now.plus(delay), now);
                }
                e.queue.settled(tx, runId, null, "retried", by, now);
                also(tx, also);
                return null;
            });
            return get(runId);
        });
    }

    /**
     * A new run of the same flow version that keeps the outputs of the steps before {@code fromStep} and
     * runs the rest again, with a new input when one is given.
     */
    public Run fork(String runId, String fromStep, JsonNode newInput) {
        return fork(runId, fromStep, newInput, null);
    }

    /** As {@link #fork(String, String, JsonNode)}; {@code also} runs in the transaction that creates the new run. */
    public Run fork(String runId, String fromStep, JsonNode newInput, InTransaction also) {
        Run run = get(runId);
        FlowDefinition def = e.catalog.version(run.flow(), run.flowVersion());
        StepDefinition from = def.step(fromStep).orElseThrow(() -> new SoloException("flow " + def.name() + " has no step '"
                + fromStep + "' (steps: " + String.join(", ", def.steps().stream().map(StepDefinition::id).toList()) + ")"));
        List<String> before = def.steps().subList(0, def.steps().indexOf(from)).stream().map(StepDefinition::id).toList();
        JsonNode input = newInput != null ? newInput : run.input();
        List<String> missing = def.missingInputs(input);
        if (!missing.isEmpty()) {
            throw new SoloException("flow " + def.name() + " needs input " + String.join(", ", missing));
        }
        String id = Ids.next("run", e.clock);
        Instant now = e.now();
        List<StepRecord> kept = steps(runId).stream().filter(s -> s.status().finished() && before.contains(baseId(s.stepId())))
                .toList();
        e.storage.write(tx -> {
            e.runs.insert(tx, new Run(id, run.flow(), run.flowVersion(), RunStatus.QUEUED, input, Json.object()
                    .put("kind", "fork").put("run", runId).put("step", fromStep), null, null, runId, null, null, null, null,
                    null, 1, now, now, null));
            for (StepRecord s : kept) {
                e.runs.saveStep(tx, new StepRecord(id, s.stepId(), s.kind(), s.status(), s.attempts(), s.input(), s.output(),
                        null, null, null, s.detail(), s.startedAt(), s.finishedAt()));
            }
            tx.put(FORKED, id);
            also(tx, also);
            return null;
        });
        return get(id);
    }

    /**
     * The operator's answer to a waiting step. A gate approved is done; an action awaiting approval runs;
     * an unknown outcome approved counts as done, rejected is tried again. A rejected gate or approval
     * fails the step and its run.
     */
    public Run answer(String runId, String stepId, boolean approve, String reason, Actor by) {
        return answer(runId, stepId, approve, reason, by, null, null);
    }

    /**
     * As {@link #answer(String, String, boolean, String, Actor)}. {@code edited}, with an approval, is the input
     * the operator edited: an action runs with it instead of its own; a gate's output carries it. {@code also}
     * runs in the same transaction (the inbox records the decision there, with the step's new checkpoint).
     */
    public Run answer(String runId, String stepId, boolean approve, String reason, Actor by, JsonNode edited,
            InTransaction also) {
        return optimistic(() -> {
            Run run = get(runId);
            StepRecord s = e.storage.read(sql -> e.runs.step(sql, runId, stepId)).orElseThrow(() -> new SoloException(
                    "run " + runId + " has no step '" + stepId + "' waiting (see: solo runs show " + runId + ")"));
            String what = s.status() == StepStatus.UNKNOWN ? "outcome" : s.waitingFor();
            if (s.status() != StepStatus.UNKNOWN && (s.status() != StepStatus.WAITING || !forOperator(what))) {
                throw new SoloException("step " + stepId + " of run " + runId + " is " + s.status().text()
                        + (what == null ? "" : " for " + what) + ", not waiting for the operator");
            }
            if ("task".equals(what) && approve) {
                throw new SoloException("step " + stepId + " of run " + runId + " waits for an answer to its task: "
                        + "solo tasks answer " + runId + " " + stepId + " --answer JSON");
            }
            if (edited != null && (!approve || !("gate".equals(what) || "approval".equals(what)))) {
                throw new SoloException("step " + stepId + " of run " + runId + " waits for " + what
                        + "; only an approved gate or action can be edited");
            }
            Instant now = e.now();
            var answer = Json.object().put("approved", approve).put("reason", reason).put("by", by.text()).put("at", now.toString());
            if (edited != null) {
                answer.set("input", edited);
                answer.put("edited", true);
            }
            e.storage.write(tx -> {
                StepRecord next = switch (what) {
                    case "gate" -> approve ? finished(s, StepStatus.DONE, answer, null, now)
                            : finished(s, StepStatus.FAILED, answer, "rejected by " + by.text() + reason(reason), now);
                    case "approval" -> approve ? pending(s, answer, what) : finished(s, StepStatus.FAILED, null,
                            s.kind() + " not approved by " + by.text() + reason(reason), now);
                    case "budget" -> approve ? pending(s, answer, what) : finished(s, StepStatus.FAILED, null,
                            "over budget, and " + by.text() + " did not let it go on" + reason(reason), now);
                    case "task" -> finished(s, StepStatus.FAILED, null, "task declined by " + by.text() + reason(reason), now);
                    default -> approve ? finished(s, StepStatus.DONE, answer, null, now) : pending(s, answer, what);
                };
                s.status().check("step " + stepId + " of run " + runId, next.status());
                e.runs.saveStep(tx, next);
                if (next.status() == StepStatus.FAILED) {
                    e.runs.transition(tx, run, RunStatus.FAILED, "step " + stepId + ": " + next.error(), now);
                } else {
                    e.runs.transition(tx, run, RunStatus.QUEUED, null, now);
                }
                e.queue.settled(tx, runId, stepId, approve ? "approved" : "rejected", by, now);
                also(tx, also);
                return null;
            });
            return get(runId);
        });
    }

    /**
     * Gives a step what it waits for from the operator (the answer to a task, already checked by whoever
     * asked for it): the step runs again with {@code provided: {value, by, at}} in its detail.
     */
    public Run provide(String runId, String stepId, String waitingFor, JsonNode value, Actor by) {
        return provide(runId, stepId, waitingFor, value, by, null);
    }

    /** As {@link #provide(String, String, String, JsonNode, Actor)}; {@code also} runs in the same transaction. */
    public Run provide(String runId, String stepId, String waitingFor, JsonNode value, Actor by, InTransaction also) {
        return optimistic(() -> {
            Run run = get(runId);
            StepRecord s = e.storage.read(sql -> e.runs.step(sql, runId, stepId)).orElseThrow(() -> new SoloException(
                    "run " + runId + " has no step '" + stepId + "' (see: solo runs show " + runId + ")"));
            if (s.status() != StepStatus.WAITING || !waitingFor.equals(s.waitingFor())) {
                throw new SoloException("step " + stepId + " of run " + runId + " is " + s.status().text()
                        + (s.waitingFor() == null ? "" : " for " + s.waitingFor()) + ", not waiting for " + waitingFor);
            }
            Instant now = e.now();
            var detail = ((ObjectNode) s.detail()).deepCopy();
            detail.remove("waiting_for");
            detail.put("answered", waitingFor);
            detail.putObject("provided").put("by", by.text()).put("at", now.toString()).set("value", value);
            e.storage.write(tx -> {
                StepRecord next = new StepRecord(s.runId(), s.stepId(), s.kind(), StepStatus.PENDING, s.attempts(), s.input(),
                        null, null, null, null, detail, s.startedAt(), null);
                s.status().check("step " + stepId + " of run " + runId, next.status());
                e.runs.saveStep(tx, next);
                e.runs.transition(tx, run, RunStatus.QUEUED, null, now);
                e.queue.settled(tx, runId, stepId, "answered", by, now);
                also(tx, also);
                return null;
            });
            return get(runId);
        });
    }

    /**
     * Runs a step that waits for the operator again as if new — a budget reached, tried again (perhaps on
     * another {@code tier}, which its agent honours) — instead of approving or rejecting it.
     */
    public Run rerun(String runId, String stepId, String tier, Actor by, InTransaction also) {
        return optimistic(() -> {
            Run run = get(runId);
            StepRecord s = e.storage.read(sql -> e.runs.step(sql, runId, stepId)).orElseThrow(() -> new SoloException(
                    "run " + runId + " has no step '" + stepId + "' (see: solo runs show " + runId + ")"));
            if (s.status() != StepStatus.WAITING || !"budget".equals(s.waitingFor())) {
                throw new SoloException("step " + stepId + " of run " + runId + " is " + s.status().text()
                        + (s.waitingFor() == null ? "" : " for " + s.waitingFor()) + "; only a step paused by a budget runs again this way");
            }
            Instant now = e.now();
            var detail = tier == null ? null : Json.object().put("tier", tier);
            e.storage.write(tx -> {
                StepRecord next = new StepRecord(runId, stepId, s.kind(), StepStatus.PENDING, s.attempts(), s.input(), null, null,
                        null, null, detail, s.startedAt(), null);
                s.status().check("step " + stepId + " of run " + runId, next.status());
                e.runs.saveStep(tx, next);
                e.runs.transition(tx, run, RunStatus.QUEUED, null, now);
                e.queue.settled(tx, runId, stepId, "retried", by, now);
                also(tx, also);
                return null;
            });
            return get(runId);
        });
    }

    // ---- rollback --------------------------------------------------------------------------------

    /**
     * Reverts every state write the run (and its child runs) made, by new events made by {@code by} with a
     * reason naming the run, and marks the run {@code rolled_back} — in one transaction. Refused, with
     * nothing written, while the run has not finished, or when a later write depends on one of its writes
     * (an entity it wrote was changed afterwards): {@link Undo} names which.
     */
    public Run rollback(String runId, String reason, Actor by, InTransaction also) {
        return optimistic(() -> {
            rollback.rollback(get(runId), reason, by, also);
            return get(runId);
        });
    }

    /** The id of the run {@link #fork} created, for work in its transaction. */
    public static String forked(WriteTx tx) {
        return tx.get(FORKED);
    }

    static String who(Actor by) {
        return by instanceof Actor.Operator ? "the operator" : by.text();
    }

    static void also(WriteTx tx, InTransaction also) throws SQLException {
        if (also != null) {
            also.run(tx);
        }
    }

    /** Whether a step waiting for {@code what} waits for the operator (not for a time, a child run or its actions). */
    static boolean forOperator(String what) {
        return what != null && !"timer".equals(what) && !"child".equals(what) && !"actions".equals(what);
    }

    /**
     * The runtime's record of actions carried out: action steps done since {@code since} (null: ever) whose
     * detail mentions {@code mentioning} (an entity id; null: any), newest first. Policies count on it.
     */
    public List<StepRecord> actionsDone(Instant since, String mentioning, int limit) {
        return e.storage.read(sql -> e.runs.actionsDone(sql, since, mentioning, limit));
    }

    static String reason(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason;
    }

    private static StepRecord finished(StepRecord s, StepStatus status, JsonNode output, String error, Instant now) {
        return new StepRecord(s.runId(), s.stepId(), s.kind(), status, s.attempts(), s.input(), output, error, null, null,
                s.detail(), s.startedAt(), now);
    }

    private static StepRecord pending(StepRecord s, JsonNode answer, String what) {
        var detail = s.detail() == null ? Json.object() : ((ObjectNode) s.detail()).deepCopy();
        detail.put("approved", answer.path("approved").asBoolean());
        if (answer.has("input")) {
            detail.set(EDITED_INPUT, answer.get("input")); // the step runs with the operator's edit, not its template
        }
        detail.remove("waiting_for");
        detail.put("answered", what);
        detail.set("answer", answer);
        return new StepRecord(s.runId(), s.stepId(), s.kind(), StepStatus.PENDING, s.attempts(), s.input(), null, null, null,
                null, detail, s.startedAt(), null);
    }

    /** {@code notify[3]} belongs to step {@code notify}. */
    static String baseId(String stepId) {
        int bracket = stepId.indexOf('[');
        return bracket < 0 ? stepId : stepId.substring(0, bracket);
    }

    private static <T> T optimistic(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (StaleRunException stale) {
                if (attempt == 5) {
                    throw stale;
                }
            }
        }
    }
}
