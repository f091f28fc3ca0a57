package solo.execution.assistant;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import solo.execution.Execution;
import solo.execution.RunRef;
import solo.execution.action.ProposedAction;
import solo.execution.flow.RunActionHistory;
import solo.execution.policy.Decision;
import solo.execution.policy.PolicyContext;
import solo.orchestration.runtime.RunControl;
import solo.state.Actor;
import tools.jackson.databind.JsonNode;

/**
 * The company's policies over what the operator's own AI assistant asks for (through the MCP server):
 * every write and action it proposes is checked, as its action type ({@code write_entity}, …) and with
 * {@code proposed_by} the assistant, before anything is carried out — the same engine and the same history
 * of carried-out actions the runtime's guard uses for flows. The caller carries out only an {@link Decision.Allow}.
 *
 * <p>An assistant has no confidence of its own, so escalation thresholds do not apply; a rule that asks
 * for the operator's approval is the operator's to give, never the assistant's.
 */
public final class AssistantGuard {
    private final Supplier<Execution> execution;
    private final Supplier<RunControl> runs;

    public AssistantGuard(Supplier<Execution> execution, Supplier<RunControl> runs) {
        this.execution = execution;
        this.runs = runs;
    }

    /**
     * Checks one proposed action of the assistant.
     *
     * @param type an action type of the catalog ({@code write_entity}, {@code link_entities}, …)
     * @param targets the entities it acts on
     * @param params what it would write or do (the body, the patch, the note)
     */
    public Decision check(Actor.Assistant assistant, String type, List<String> targets, JsonNode params, String reason) {
        Execution x = execution.get();
        ProposedAction action = new ProposedAction(type, targets, params, reason == null ? "" : reason, assistant.text(),
                assistant);
        return x.policies().check(action, PolicyContext.of(RunRef.NONE, new RunActionHistory(runs.get(), x)));
    }

    /** The reasons of the rules that decided, naming each rule: one line for the assistant. */
    public static String reasons(Decision d) {
        return d.rules().stream().map(m -> m.reason() + " [" + m.policy() + "/" + m.rule() + "]")
                .collect(Collectors.joining("; "));
    }
}
