package solo.execution.agent;

import java.util.List;
import solo.state.Violation;

/** The result of checking an operator's answer to a task against the agent's output contract. */
public sealed interface OperatorAnswer {

    /** The answer satisfies the contract; the run goes on with this outcome. */
    record Accepted(AgentOutcome.Completed outcome) implements OperatorAnswer {}

    /** The answer breaks the contract; the task stays open and the form shows these. */
    record Rejected(List<Violation> violations) implements OperatorAnswer {
        public Rejected {
            violations = List.copyOf(violations);
        }
    }
}
