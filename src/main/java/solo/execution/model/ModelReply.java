package solo.execution.model;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.util.List;

/** A model's answer: its text or the tools it asks for, and what it cost in tokens and time. */
public record ModelReply(AiMessage message, int inputTokens, int outputTokens, long latencyMillis, boolean cacheHit) {

    /** The answer's text, "" when there is none. */
    public String text() {
        return message.text() == null ? "" : message.text();
    }

    public List<ToolExecutionRequest> toolRequests() {
        return message.hasToolExecutionRequests() ? message.toolExecutionRequests() : List.of();
    }

    public ModelReply fromCache() {
        return new ModelReply(message, inputTokens, outputTokens, 0, true);
    }
}
