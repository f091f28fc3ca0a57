package solo.execution.model;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/** One chat call: the conversation so far, the read tools offered, and a cap on the answer's length. */
public record ModelRequest(List<ChatMessage> messages, List<ToolSpecification> tools, Integer maxOutputTokens) {
    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
    }
}
