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
 * it may request, the action types it may propose, its memory scope and its budget.
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
        AgentBudget budget,
        Path file) {

    public boolean mayPropose(String actionType) {
        return actions.contains(actionType);
    }
}
