package solo.app;

import java.util.Optional;
import java.util.function.Supplier;
import solo.execution.Execution;
import solo.execution.RunRef;
import solo.execution.agent.AgentCall;
import solo.execution.agent.AgentOutcome;
import solo.memory.summary.Summarizer;
import solo.memory.summary.SummaryInput;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * Summaries written by the company's {@code summarizer} agent (agents/summarizer.yaml, fast tier) when a model
 * serves its tier, with the deterministic digest as its context; otherwise, or when the agent fails, memory
 * falls back to the digest (an empty answer here). The agent's answer is data: only its text fields are kept.
 */
final class AgentSummarizer implements Summarizer {
    static final String AGENT = "summarizer";
    private final Supplier<Execution> execution;

    AgentSummarizer(Supplier<Execution> execution) {
        this.execution = execution;
    }

    @Override
    public String name() {
        return "agent:" + AGENT;
    }

    @Override
    public Optional<String> summarize(SummaryInput input) {
        Execution x = execution.get();
        var agent = x.agents().find(AGENT);
        if (agent.isEmpty() || x.router().route(agent.get().tier()).isEmpty()) {
            return Optional.empty(); // no model for its tier: the digest, not a task in the operator's inbox
        }
        var in = Json.object().put("entity_id", input.entity().id())
                .put("focus", input.phase() == null ? "where it stands" : "the " + input.phase() + " phase");
        AgentOutcome outcome = x.invoker().invoke(new AgentCall(AGENT, in, input.digest(), RunRef.NONE, input.entity().id(), false));
        if (!(outcome instanceof AgentOutcome.Completed done)) {
            return Optional.empty();
        }
        JsonNode out = done.output();
        StringBuilder sb = new StringBuilder(out.path("summary").asString("").strip());
        list(sb, "Key points", out.path("key_points"));
        list(sb, "Open questions", out.path("open_questions"));
        return sb.isEmpty() ? Optional.empty() : Optional.of(sb.toString());
    }

    private static void list(StringBuilder sb, String title, JsonNode items) {
        if (items.isArray() && !items.isEmpty()) {
            sb.append("\n\n").append(title).append(':');
            items.forEach(i -> sb.append("\n- ").append(i.asString("").strip()));
        }
    }
}
