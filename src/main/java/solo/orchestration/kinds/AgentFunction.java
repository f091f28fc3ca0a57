package solo.orchestration.kinds;

import solo.orchestration.step.StepContext;
import tools.jackson.databind.JsonNode;

/**
 * What an {@code agent} step calls until real agents exist: a Java function registered by name. It
 * gets the step's rendered input (and everything else about the attempt) and returns the output.
 */
@FunctionalInterface
public interface AgentFunction {
    JsonNode call(StepContext context) throws Exception;
}
