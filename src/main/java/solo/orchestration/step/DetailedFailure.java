package solo.orchestration.step;

import tools.jackson.databind.node.ObjectNode;

/**
 * A failure that knows more than its message: what to record on the step (an agent's answers that broke
 * its contract, a policy's decision). The runtime records {@link #detail()} whether it retries or fails.
 */
public interface DetailedFailure {
    ObjectNode detail();
}
