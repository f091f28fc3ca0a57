package solo.orchestration.kinds;

import java.util.List;
import solo.orchestration.flow.FlowCheck;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;

/** {@code flow: NAME}: starts a child run of another flow with the step's input and waits for it. */
public final class FlowStep implements StepKind {
    /** The inputs a flow requires, to refuse a step that does not give them. */
    public interface RequiredInputs {
        List<String> of(String flow);
    }

    private final RequiredInputs required;

    public FlowStep(RequiredInputs required) {
        this.required = required;
    }

    @Override
    public String name() {
        return "flow";
    }

    @Override
    public boolean allowedInForeach() {
        return false;
    }

    @Override
    public void check(StepDefinition step, FlowCheck check) {
        String name = step.specText();
        if (name == null || !check.flowExists(name)) {
            check.error(step.pointer() + "/flow", "step '" + step.id() + "': no flow '" + (name == null ? step.spec() : name)
                    + "' in flows/");
            return;
        }
        List<String> missing = required.of(name).stream().filter(k -> !step.input().keys().contains(k)).toList();
        if (!missing.isEmpty()) {
            check.error(step.pointer() + (step.input().isEmpty() ? "" : "/input"), "step '" + step.id() + "': flow "
                    + name + " needs input " + String.join(", ", missing));
        }
    }

    @Override
    public StepOutcome execute(StepContext c) {
        return new StepOutcome.StartChild(c.definition().specText(), c.input());
    }
}
