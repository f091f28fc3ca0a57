package solo.orchestration.flow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import solo.orchestration.expr.Template;
import tools.jackson.databind.JsonNode;

/**
 * One version of a flow: its triggers and its steps in the order they run (each after the steps it
 * depends on; ties keep the order of the file). {@code hash} is the SHA-256 of the file's text, so a
 * changed file is a new version, and a run keeps the version it started with.
 */
public record FlowDefinition(
        String name,
        String description,
        String file,
        String hash,
        String text,
        List<String> requiredInputs,
        JsonNode inputSchema,
        List<TriggerDefinition> triggers,
        List<StepDefinition> steps,
        Template output) {

    public Optional<StepDefinition> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public StepDefinition last() {
        return steps.getLast();
    }

    /** The inputs a run needs but this input lacks; empty when it is complete. */
    public List<String> missingInputs(JsonNode input) {
        return requiredInputs.stream().filter(k -> input == null || !input.has(k) || input.get(k).isNull()).toList();
    }

    /** Position of each step in the run order. */
    public Map<String, Integer> positions() {
        Map<String, Integer> p = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            p.put(steps.get(i).id(), i);
        }
        return p;
    }
}
