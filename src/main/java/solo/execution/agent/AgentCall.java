package solo.execution.agent;

import solo.execution.RunRef;
import solo.execution.model.Tier;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * What the runtime hands an agent step: which agent, the step's input, the context pack the memory layer
 * built for it, the run it is for, the entity the step is about (it bounds the agent's memory scope),
 * whether retrieval found little (a signal that lowers confidence), and whether the operator let this
 * invocation go past the budgets (after it was paused for them), and the tier it runs on when not the agent's.
 */
public record AgentCall(String agent, JsonNode input, String contextPack, RunRef run, String subject,
                        boolean retrievalFoundLittle, boolean overBudgetApproved, Tier tier) {
    public AgentCall {
        input = input == null ? Json.object() : input;
        contextPack = contextPack == null ? "" : contextPack;
        run = run == null ? RunRef.NONE : run;
    }

    public AgentCall(String agent, JsonNode input, String contextPack, RunRef run, String subject,
                     boolean retrievalFoundLittle) {
        this(agent, input, contextPack, run, subject, retrievalFoundLittle, false, null);
    }

    public AgentCall(String agent, JsonNode input, String contextPack, RunRef run, String subject,
                     boolean retrievalFoundLittle, boolean overBudgetApproved) {
        this(agent, input, contextPack, run, subject, retrievalFoundLittle, overBudgetApproved, null);
    }

    /** Runs on another tier than the agent's (a playbook's "retry on another tier"); null: the agent's own. */
    public AgentCall onTier(Tier other) {
        return new AgentCall(agent, input, contextPack, run, subject, retrievalFoundLittle, overBudgetApproved, other);
    }

    public static AgentCall of(String agent, JsonNode input) {
        return new AgentCall(agent, input, "", RunRef.NONE, null, false);
    }

    public AgentCall withContext(String pack) {
        return new AgentCall(agent, input, pack, run, subject, retrievalFoundLittle, overBudgetApproved, tier);
    }

    public AgentCall inRun(RunRef run) {
        return new AgentCall(agent, input, contextPack, run, subject, retrievalFoundLittle, overBudgetApproved, tier);
    }

    public AgentCall about(String entityId) {
        return new AgentCall(agent, input, contextPack, run, entityId, retrievalFoundLittle, overBudgetApproved, tier);
    }

    public AgentCall withLittleRetrieval() {
        return new AgentCall(agent, input, contextPack, run, subject, true, overBudgetApproved, tier);
    }

    /** The operator approved going past the budgets for this invocation: its calls are not stopped by them. */
    public AgentCall withBudgetApproved() {
        return new AgentCall(agent, input, contextPack, run, subject, retrievalFoundLittle, true, tier);
    }
}
