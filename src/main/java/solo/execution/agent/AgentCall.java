package solo.execution.agent;

import solo.execution.RunRef;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * What the runtime hands an agent step: which agent, the step's input, the context pack the memory layer
 * built for it, the run it is for, the entity the step is about (it bounds the agent's memory scope), and
 * whether retrieval found little (a signal that lowers confidence).
 */
public record AgentCall(String agent, JsonNode input, String contextPack, RunRef run, String subject,
                        boolean retrievalFoundLittle) {
    public AgentCall {
        input = input == null ? Json.object() : input;
        contextPack = contextPack == null ? "" : contextPack;
        run = run == null ? RunRef.NONE : run;
    }

    public static AgentCall of(String agent, JsonNode input) {
        return new AgentCall(agent, input, "", RunRef.NONE, null, false);
    }

    public AgentCall withContext(String pack) {
        return new AgentCall(agent, input, pack, run, subject, retrievalFoundLittle);
    }

    public AgentCall inRun(RunRef run) {
        return new AgentCall(agent, input, contextPack, run, subject, retrievalFoundLittle);
    }

    public AgentCall about(String entityId) {
        return new AgentCall(agent, input, contextPack, run, entityId, retrievalFoundLittle);
    }

    public AgentCall withLittleRetrieval() {
        return new AgentCall(agent, input, contextPack, run, subject, true);
    }
}
