package solo.orchestration.kinds;

import solo.orchestration.flow.FlowCheck;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;

/** {@code agent: NAME}: calls the agent function registered under NAME (real agents replace this kind). */
public final class AgentStep implements StepKind {
    private final AgentFunctions functions;
    private final int concurrency;

    public AgentStep(AgentFunctions functions, int concurrency) {
        this.functions = functions;
        this.concurrency = concurrency;
    }

    @Override
    public String name() {
        return "agent";
    }

    @Override
    public int concurrency() {
        return concurrency;
    }

    @Override
    public void check(StepDefinition step, FlowCheck check) {
        String name = step.specText();
        if (name == null || functions.find(name).isEmpty()) {
            check.error(step.pointer() + "/agent", "step '" + step.id() + "': unknown agent '" + (name == null ? step.spec() : name)
                    + "' (known: " + String.join(", ", functions.names()) + ")");
        }
    }

    @Override
    public StepOutcome execute(StepContext context) throws Exception {
        String name = context.definition().specText();
        AgentFunction f = functions.find(name).orElseThrow(() -> new NonRetryableException("unknown agent '" + name + "'"));
        return StepOutcome.done(f.call(context));
    }
}
