package solo.orchestration.kinds;

import solo.orchestration.flow.FlowCheck;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code gate: PROMPT} (or {@code gate: {prompt: ...}}): waits for the operator. {@code solo gate approve}
 * finishes the step with {@code {approved: true, reason, by}}; a rejection fails it and its run.
 */
public final class GateStep implements StepKind {
    @Override
    public String name() {
        return "gate";
    }

    @Override
    public boolean allowedInForeach() {
        return false;
    }

    @Override
    public void check(StepDefinition step, FlowCheck check) {
        if (!step.spec().isString() && !(step.spec().isObject() && step.spec().path("prompt").isString())) {
            check.error(step.pointer() + "/gate", "step '" + step.id() + "': gate needs a prompt (gate: \"Send it?\")");
        }
    }

    @Override
    public StepOutcome execute(StepContext c) {
        String prompt = c.definition().spec().isString() ? c.definition().specText()
                : c.definition().spec().path("prompt").asString();
        ObjectNode detail = Json.object().put("prompt", prompt);
        if (c.input() != null && !c.input().isNull()) {
            detail.set("input", c.input());
        }
        return StepOutcome.waitFor("gate", null, detail);
    }
}
