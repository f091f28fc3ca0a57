package solo.orchestration.inbox;

import java.util.List;
import solo.orchestration.runtime.StepRecord;
import tools.jackson.databind.JsonNode;

/**
 * Checks the operator's answer to a task (an agent step with no model for its tier) against the agent's
 * output contract. The agents live in the execution layer, which fills this seam.
 */
@FunctionalInterface
public interface TaskAnswers {

    /** What is wrong with the answer, each as "field: problem"; empty when it satisfies the contract. */
    List<String> problems(StepRecord task, JsonNode answer);

    /** Accepts any JSON object (a runtime without agents). */
    TaskAnswers OBJECTS = (task, answer) -> answer != null && answer.isObject() ? List.of()
            : List.of("(answer): must be a JSON object");
}
