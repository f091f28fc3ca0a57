package solo.interfaces.mcp;

import java.util.List;
import solo.execution.assistant.AssistantGuard;
import solo.execution.policy.Decision;
import tools.jackson.databind.JsonNode;

/**
 * Asks the company's policies before the assistant's write is carried out: a denial is refused with the
 * policy's reason; a rule that wants the operator's approval is not carried out either, and says so —
 * approving is the operator's, not the assistant's. Only an allowed write goes ahead.
 */
final class PolicyCheck {
    private final AssistantGuard guard;

    PolicyCheck(AssistantGuard guard) {
        this.guard = guard;
    }

    void require(ToolCall call, String type, List<String> targets, JsonNode params, String reason) {
        Decision d = guard.check(call.assistant(), type, targets, params, reason);
        switch (d) {
            case Decision.Deny deny -> throw new ToolError("refused by the company's policies: " + AssistantGuard.reasons(d)
                    + "; nothing was written");
            case Decision.RequireApproval ask -> throw new ToolError("not done: the company's policies want the operator's"
                    + " approval for this: " + AssistantGuard.reasons(d) + ". Nothing was written; ask the operator to do it"
                    + " themselves (the cockpit or the solo command line).");
            case Decision.Allow allow -> { }
        }
    }
}
