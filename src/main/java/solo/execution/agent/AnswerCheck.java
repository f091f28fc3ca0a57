package solo.execution.agent;

import java.util.ArrayList;
import java.util.List;
import solo.execution.RunRef;
import solo.execution.action.ProposedAction;
import solo.state.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks an answer against the agent's output contract. The reserved field {@code actions} is taken out
 * first and checked by Solo itself (types the agent may propose, targets as entity ids), so contracts stay
 * about the output and every proposed action becomes a {@link ProposedAction} — data, never a command.
 */
final class AnswerCheck {
    static final String ACTIONS = "actions";

    private AnswerCheck() {}

    sealed interface Checked {}

    record Valid(JsonNode output, List<ProposedAction> actions, Double modelConfidence) implements Checked {}

    record Invalid(List<Violation> violations) implements Checked {}

    static Checked check(AgentDefinition agent, String answer, RunRef run) {
        AnswerParser.Parsed parsed = AnswerParser.parse(answer);
        if (parsed instanceof AnswerParser.Ok json) {
            return check(agent, (ObjectNode) json.object().deepCopy(), run);
        }
        return new Invalid(AnswerParser.violations(parsed));
    }

    static Checked check(AgentDefinition agent, ObjectNode output, RunRef run) {
        List<Violation> violations = new ArrayList<>();
        JsonNode actionsNode = output.remove(ACTIONS);
        List<ProposedAction> actions = actions(agent, actionsNode, run, violations);
        violations.addAll(agent.output().validate(output));
        if (!violations.isEmpty()) {
            return new Invalid(violations);
        }
        JsonNode c = output.get("confidence");
        return new Valid(output, actions, c != null && c.isNumber() ? c.asDouble() : null);
    }

    private static List<ProposedAction> actions(AgentDefinition agent, JsonNode node, RunRef run, List<Violation> violations) {
        List<ProposedAction> actions = new ArrayList<>();
        if (node == null || node.isNull()) {
            return actions;
        }
        if (!node.isArray()) {
            violations.add(new Violation("/actions", "type", "must be a list of actions", null));
            return actions;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode a = node.get(i);
            String at = "/actions/" + i;
            String type = a.path("type").asString("");
            if (!a.isObject() || type.isEmpty()) {
                violations.add(new Violation(at + "/type", "required", "each action needs a type", null));
                continue;
            }
            if (!agent.mayPropose(type)) {
                violations.add(new Violation(at + "/type", "enum", agent.actions().isEmpty()
                        ? "this agent may not propose actions" : "must be one of " + agent.actions(), null));
                continue;
            }
            List<String> targets = new ArrayList<>();
            JsonNode t = a.path("targets");
            if (!t.isMissingNode() && !t.isArray()) {
                violations.add(new Violation(at + "/targets", "type", "must be a list of entity ids", null));
                continue;
            }
            t.forEach(id -> targets.add(id.asString("")));
            JsonNode params = a.path("params");
            if (!params.isMissingNode() && !params.isObject()) {
                violations.add(new Violation(at + "/params", "type", "must be an object", null));
                continue;
            }
            actions.add(new ProposedAction(type, targets, params.isMissingNode() ? null : params,
                    a.path("reason").asString(""), agent.name(), run.actorFor(agent.name())));
        }
        return actions;
    }

    /** The message that asks for a repair: what was wrong, and the one thing to do. */
    static String repairRequest(List<Violation> violations) {
        StringBuilder s = new StringBuilder("Your answer does not satisfy the contract:\n");
        for (Violation v : violations) {
            s.append("- ").append(v.field() == null || v.field().isEmpty() ? "(answer)" : v.field()).append(": ")
                    .append(v.message()).append(" [").append(v.rule()).append("]\n");
        }
        return s.append("Answer again with only the corrected JSON object.").toString();
    }
}
