package solo.execution.flow;

import solo.execution.agent.AgentOutcome;
import solo.orchestration.step.DetailedFailure;
import solo.orchestration.step.NonRetryableException;
import solo.support.SoloException;
import tools.jackson.databind.node.ObjectNode;

/**
 * An agent step that failed, with its answers and usage for the step log. Whether the runtime tries again
 * is the failure's reason's to say ({@link solo.execution.agent.FailureReason#retryable()}): a broken
 * answer, a 429 storm or a timeout may go better later; a bad input or a missing key will not.
 */
final class AgentFailure {
    private AgentFailure() {}

    static RuntimeException of(AgentOutcome.Failed failed) {
        String message = "agent " + failed.agent() + ": " + failed.explanation();
        ObjectNode detail = AgentStepDetail.failed(failed);
        return failed.retryable() ? new Retryable(message, detail) : new Final(message, detail);
    }

    static final class Retryable extends SoloException implements DetailedFailure {
        private final ObjectNode detail;

        Retryable(String message, ObjectNode detail) {
            super(message);
            this.detail = detail;
        }

        @Override
        public ObjectNode detail() {
            return detail.deepCopy();
        }
    }

    static final class Final extends NonRetryableException implements DetailedFailure {
        private final ObjectNode detail;

        Final(String message, ObjectNode detail) {
            super(message);
            this.detail = detail;
        }

        @Override
        public ObjectNode detail() {
            return detail.deepCopy();
        }
    }
}
