package solo.orchestration.kinds;

import java.util.List;
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
import solo.orchestration.step.StepOutcome;
import solo.support.Json;

/**
 * {@code action: NAME}: asks the guard, then performs the action. A denial fails the step (recorded with
 * its reason); a required approval makes the step wait for the operator, and once approved the action
 * runs without asking again.
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
        Action action = actions.find(name).orElseThrow(() -> new NonRetryableException("unknown action '" + name + "'"));
        boolean approved = c.detail() != null && c.detail().path("approved").asBoolean(false);
        if (!approved) {
            GuardDecision decision = guard.check(new ActionRequest(c.runId(), c.flow(), c.stepId(), name, c.input(),
                    c.idempotencyKey()));
            switch (decision) {
                case GuardDecision.Deny d -> throw new ActionDeniedException(name, d.reason());
                case GuardDecision.RequireApproval r -> {
                    return StepOutcome.waitFor("approval", null, Json.object().put("action", name).put("reason", r.reason()));
                }
                case GuardDecision.Allow a -> { }
            }
        }
        if (c.outcomeUnknown() && !action.checksOutcome()) {
            return StepOutcome.waitFor("outcome", null, Json.object().put("action", name)
                    .put("reason", "a crash interrupted the action; it cannot tell whether it took effect"));
        }
        return action.perform(new ActionCall(c.runId(), c.flow(), c.stepId(), c.idempotencyKey(), c.attempt(), c.input(),
                c.actor(), c.store(), c.outcomeUnknown()));
    }
}
