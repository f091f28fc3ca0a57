package solo.execution.flow;

import java.time.Instant;
import solo.orchestration.runtime.StepRecord;
import tools.jackson.databind.JsonNode;

/**
 * An agent step waiting for the operator to answer in the model's place ({@code waiting_for: task}): the
 * rendered prompt, the context pack, and the form made from the output contract.
 */
public record TaskView(String runId, String stepId, String agent, String tier, String about, String prompt,
                       String contextPack, JsonNode form, JsonNode outputContract, JsonNode input, Instant since) {

    static TaskView of(StepRecord s) {
        JsonNode d = s.detail();
        return new TaskView(s.runId(), s.stepId(), d.path("agent").asString(), d.path("tier").asString(null),
                d.path("about").asString(null), d.path("prompt").asString(""), d.path("context_pack").asString(""),
                d.path("form"), d.path("output_contract"), s.input(), s.startedAt());
    }
}
