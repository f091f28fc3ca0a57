package solo.execution.agent;

import com.samskivert.mustache.Template;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import solo.execution.model.Tier;
import solo.execution.tool.ReadTool;

/**
 * A parameterized role from {@code agents/NAME.yaml}: instructions (a Mustache template rendered with the
 * step's input and context pack), the model tier it needs, its input and output contracts, the read tools
 * it may request, the action types it may propose, its memory scope, the size of the context pack built
 * for it ({@code memory.context_tokens}) and its budget.
 */
public record AgentDefinition(
        String name,
        String description,
        Tier tier,
        Template instructions,
        Contract input,
        Contract output,
        Set<ReadTool> tools,
        List<String> actions,
        MemoryScope memory,
        int contextTokens,
        AgentBudget budget,
        Path file) {

    /** The context pack's budget when the agent does not set one. */
    public static final int DEFAULT_CONTEXT_TOKENS = 2000;

    public boolean mayPropose(String actionType) {
        return actions.contains(actionType);
    }
}
