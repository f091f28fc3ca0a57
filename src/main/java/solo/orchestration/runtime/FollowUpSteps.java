package solo.orchestration.runtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import solo.orchestration.expr.Template;
import solo.orchestration.flow.RetryPolicy;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.FollowUp;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The actions a step asked the runtime to carry out after it (an agent's proposals). The step is first
 * checkpointed {@code waiting} for {@value #WAITING_FOR} with its output and the list of actions, so that
 * nothing it said is lost or asked again; then each action runs in order as its own step
 * {@code STEP[action-N]} of kind {@code action} (the guard, a checkpoint before outside effects, its own
 * idempotency key, approvals). The step is done when all are, and fails when one fails.
 */
final class FollowUpSteps {
    static final String WAITING_FOR = "actions";
    private final RunExecutor x;
    private final StepAttempts attempts;

    FollowUpSteps(RunExecutor x, StepAttempts attempts) {
        this.x = x;
        this.attempts = attempts;
    }

    /** The detail of a step waiting for its actions: its own, and the actions with the ids of their steps. */
    static ObjectNode waiting(String stepId, JsonNode detail, List<FollowUp> followUps) {
        ObjectNode d = detail instanceof ObjectNode o ? o.deepCopy() : Json.object();
        d.put("waiting_for", WAITING_FOR);
        ArrayNode list = d.putArray("follow_ups");
        for (int i = 0; i < followUps.size(); i++) {
            FollowUp f = followUps.get(i);
            ObjectNode item = list.addObject().put("step", stepId + "[action-" + (i + 1) + "]").put("action", f.action());
            item.set("input", f.input());
            item.set("detail", f.detail() == null ? Json.object() : f.detail());
        }
        return d;
    }

    /** Runs the actions not yet done, in order; a waiting one parks the run, a failed one fails the step. */
    RunExecutor.Next run(StepDefinition step, StepRecord parent, Map<String, Object> vars, boolean last, boolean top) {
        for (JsonNode f : parent.detail().path("follow_ups")) {
            String id = f.path("step").asString();
            x.records.computeIfAbsent(id, k -> new StepRecord(x.run.id(), id, "action", StepStatus.PENDING, 0, null, null,
                    null, null, null, f.path("detail").deepCopy(), x.e.now(), null));
            RunExecutor.Next next = attempts.single(definition(step, id, f), id, vars, false, false);
            if (next == RunExecutor.Next.PARKED) {
                return attempts.park(top, null);
            }
            if (next == RunExecutor.Next.FAILED) {
                String error = "action " + id + " (" + f.path("action").asString() + ") failed: " + x.records.get(id).error();
                end(step, parent, StepStatus.FAILED, error, top ? new RunEnd.Fail("step " + parent.stepId() + " failed: "
                        + error) : null, top, false);
                return RunExecutor.Next.FAILED;
            }
        }
        end(step, parent, StepStatus.DONE, null, top ? x.endAfter(last) : null, top, last);
        return RunExecutor.Next.CONTINUE;
    }

    private void end(StepDefinition step, StepRecord parent, StepStatus status, String error, RunEnd end, boolean top,
            boolean last) {
        ObjectNode detail = ((ObjectNode) parent.detail()).deepCopy();
        detail.remove("waiting_for");
        parent.status().check("step " + parent.stepId() + " of run " + x.run.id(), status);
        attempts.save(new StepRecord(parent.runId(), parent.stepId(), step.kind(), status, parent.attempts(), parent.input(),
                parent.output(), error, null, null, detail, parent.startedAt(), x.e.now()), null, end, top, last);
    }

    /** An action step made from data: its input is taken as it is, never evaluated. */
    private static StepDefinition definition(StepDefinition parent, String id, JsonNode f) {
        return new StepDefinition(id, "action", JsonNodeFactory.instance.stringNode(f.path("action").asString()), parent.pointer(), null, null,
                Template.literal(f.get("input")), List.of(), RetryPolicy.DEFAULT, null, 1, null, Set.of(), Map.of());
    }
}
