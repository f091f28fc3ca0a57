package solo.orchestration.kinds;

import java.util.List;
import java.util.Map;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionCall;
import solo.orchestration.action.ActionDeniedException;
import solo.orchestration.action.ActionGuard;
import solo.orchestration.action.ActionRequest;
import solo.orchestration.action.Actions;
import solo.orchestration.action.GuardDecision;
import solo.orchestration.flow.FlowCheck;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.step.StepOutcome;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code action: NAME}: asks the guard, then performs the action. A denial fails the step (recorded with
 * its reason); a required approval makes the step wait for the operator, and once approved the action
 * runs without asking again. The guard is told who proposed the action and how sure they were; its
 * decision is recorded on the step whatever it is.
 */
public final class ActionStep implements StepKind {
    private final Actions actions;
    private final ActionGuard guard;

    public ActionStep(Actions actions, ActionGuard guard) {
        this.actions = actions;
        this.guard = guard;
    }

    @Override
    public String name() {
        return "action";
    }

    @Override
    public void check(StepDefinition step, FlowCheck check) {
        String name = step.specText();
        Action action = name == null ? null : actions.find(name).orElse(null);
        if (action == null) {
            check.error(step.pointer() + "/action", "step '" + step.id() + "': unknown action '" + (name == null ? step.spec() : name)
                    + "' (known: " + String.join(", ", actions.all().keySet()) + ")");
            return;
        }
        List<String> missing = action.requiredInputs().stream().filter(k -> !step.input().keys().contains(k)).sorted().toList();
        if (!missing.isEmpty()) {
            check.error(step.pointer() + (step.input().isEmpty() ? "" : "/input"), "step '" + step.id() + "': action "
                    + name + " needs input " + String.join(", ", missing));
        }
    }

    @Override
    public boolean hasOutsideEffects(StepDefinition step) {
        return actions.find(step.specText()).map(Action::hasOutsideEffects).orElse(false);
    }

    @Override
    public StepOutcome execute(StepContext c) throws Exception {
        String name = c.definition().specText();
        JsonNode detail = c.detail();
        ObjectNode decided = null;
        if (detail == null || !detail.path("approved").asBoolean(false)) {
            GuardDecision decision = guard.check(new ActionRequest(c.runId(), c.flow(), c.stepId(), name, c.input(),
                    c.idempotencyKey(), detail == null ? null : detail.path("proposed_by").asString(null), confidence(c),
                    detail == null ? null : detail.get("proposal")));
            decided = decision.detail();
            switch (decision) {
                case GuardDecision.Deny d -> throw new ActionDeniedException(name, d.reason(), merge(seed(detail), decided));
                case GuardDecision.RequireApproval r -> {
                    return StepOutcome.waitFor("approval", null, merge(seed(detail).put("action", name).put("reason",
                            r.reason()), decided));
                }
                case GuardDecision.Allow a -> { }
            }
        } else if (detail.has(RunControl.EDITED_INPUT)) {
            // approved with the operator's edit: a rule that denies the edited action still stops it; judged as what
            // it is (an agent's proposal stays one: its type, targets and params, who proposed it)
            GuardDecision decision = guard.check(new ActionRequest(c.runId(), c.flow(), c.stepId(), name, c.input(),
                    c.idempotencyKey(), detail.path("proposed_by").asString(null), confidence(c), detail.get("proposal")));
            if (decision instanceof GuardDecision.Deny d) {
                throw new ActionDeniedException(name, d.reason() + " (the operator's edit)", merge(seed(detail), decision.detail()));
            }
            decided = decision.detail();
        }
        Action action = actions.find(name).orElseThrow(() -> new NonRetryableException("no action '" + name
                + "' is registered to carry this out (known: " + String.join(", ", actions.all().keySet()) + ")"));
        if (c.outcomeUnknown() && !action.checksOutcome()) {
            return StepOutcome.waitFor("outcome", null, merge(seed(detail), decided).put("action", name)
                    .put("reason", "a crash interrupted the action; it cannot tell whether it took effect"));
        }
        StepOutcome outcome = action.perform(new ActionCall(c.runId(), c.flow(), c.stepId(), c.idempotencyKey(), c.attempt(),
                c.input(), c.actor(), c.store(), c.outcomeUnknown(), detail));
        return recorded(outcome, detail, decided);
    }

    /** The guard's decision goes on the step with the outcome, so that the run shows what allowed the action. */
    private static StepOutcome recorded(StepOutcome outcome, JsonNode detail, ObjectNode decided) {
        if (decided == null) {
            return outcome;
        }
        return switch (outcome) {
            case StepOutcome.Done d -> new StepOutcome.Done(d.output(), d.inCheckpoint(), merge(merge(copy(detail),
                    d.detail()), decided), d.followUps());
            case StepOutcome.Wait w -> new StepOutcome.Wait(w.waitingFor(), w.until(), merge(merge(seed(detail), decided),
                    w.detail()));
            default -> outcome;
        };
    }

    /**
     * How far the output that asked for this action can be trusted: the proposing agent's (a follow-up's
     * detail says), else 1.0 when it comes after a gate the operator approved (they saw what it acts on),
     * else the lowest confidence among the steps this one reads; null when none recorded one.
     */
    static Double confidence(StepContext c) {
        if (c.detail() != null && c.detail().path("confidence").isNumber()) {
            return c.detail().get("confidence").asDouble();
        }
        Double lowest = null;
        if (c.vars() != null && c.vars().get("steps") instanceof Map<?, ?> steps) {
            for (String id : c.definition().dependsOn()) {
                if (steps.get(id) instanceof Map<?, ?> view && Boolean.TRUE.equals(view.get("reviewed"))) {
                    return 1.0;
                }
            }
            for (String id : c.definition().dependsOn()) {
                if (steps.get(id) instanceof Map<?, ?> view && view.get("confidence") instanceof Number n) {
                    lowest = lowest == null ? n.doubleValue() : Math.min(lowest, n.doubleValue());
                }
            }
        }
        return lowest;
    }

    /** What a follow-up started with (who proposed it, how sure, what), kept through waits and failures. */
    private static ObjectNode seed(JsonNode detail) {
        ObjectNode s = Json.object();
        if (detail != null) {
            for (String key : List.of("proposed_by", "confidence", "proposal")) {
                if (detail.has(key)) {
                    s.set(key, detail.get(key));
                }
            }
        }
        return s;
    }

    private static ObjectNode copy(JsonNode detail) {
        return detail instanceof ObjectNode o ? o.deepCopy() : Json.object();
    }

    private static ObjectNode merge(ObjectNode into, JsonNode more) {
        if (more instanceof ObjectNode o) {
            into.setAll(o.deepCopy());
        }
        return into;
    }
}
