package solo.execution.agent;

import java.util.List;
import solo.execution.RunRef;
import solo.execution.action.ProposedAction;
import solo.execution.budget.BudgetDecision;
import solo.execution.model.Tier;
import tools.jackson.databind.JsonNode;

/**
 * How an agent invocation ended. Every ending is one of these, explained; none is an exception.
 * The runtime checkpoints it on the step and then: goes on ({@link Completed}), retries or escalates
 * ({@link Failed}), pauses the run and escalates ({@link BudgetExceeded}), or waits for the operator
 * ({@link OperatorTask}).
 */
public sealed interface AgentOutcome {

    String agent();

    /** The model calls made, in order (empty for an operator task). */
    List<Attempt> attempts();

    default Usage usage() {
        return Usage.of(attempts());
    }

    /**
     * The output satisfies the contract. {@code actions} are proposals for the runtime to check against the
     * policies; {@code answeredBy} is {@code provider/model} or {@code operator}.
     */
    record Completed(String agent, JsonNode output, List<ProposedAction> actions, Confidence confidence,
                     List<Attempt> attempts, String answeredBy) implements AgentOutcome {
        public Completed {
            actions = List.copyOf(actions);
            attempts = List.copyOf(attempts);
        }
    }

    /** The step failed; {@code explanation} is one line for the inbox, and the attempts keep every answer. */
    record Failed(String agent, FailureReason reason, String explanation, List<Attempt> attempts) implements AgentOutcome {
        public Failed {
            attempts = List.copyOf(attempts);
        }

        public boolean retryable() {
            return reason.retryable();
        }
    }

    /** A call would have exceeded a budget, so it was not made. */
    record BudgetExceeded(String agent, BudgetDecision.Exceeded budget, List<Attempt> attempts) implements AgentOutcome {
        public BudgetExceeded {
            attempts = List.copyOf(attempts);
        }

        public String explanation() {
            return budget.explanation();
        }
    }

    /**
     * No model serves the agent's tier: the operator answers instead. The task carries the rendered prompt,
     * the context pack and a form derived from the output contract; answer it with
     * {@link AgentInvoker#answer(OperatorTask, JsonNode)}.
     */
    record OperatorTask(String agent, Tier tier, RunRef run, JsonNode input, String prompt, String contextPack,
                        OperatorForm form, JsonNode outputContract) implements AgentOutcome {
        @Override
        public List<Attempt> attempts() {
            return List.of();
        }
    }
}
