package solo.execution.flow;

import java.util.ArrayList;
import java.util.List;
import solo.execution.action.ProposedAction;
import solo.execution.agent.AgentOutcome;
import solo.orchestration.step.FollowUp;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the actions an agent proposed into follow-ups for the runtime: data in, data out. Each names the
 * action that carries the proposal out and its input, made from the proposal's targets and params (and,
 * for an email, the subject and body the agent wrote); the recipients of an email are the target entities'
 * own addresses, never addresses the agent wrote. The runtime runs each through the policies first.
 */
final class Proposals {
    private Proposals() {}

    static List<FollowUp> followUps(AgentOutcome.Completed done) {
        List<FollowUp> out = new ArrayList<>();
        for (ProposedAction p : done.actions()) {
            ObjectNode seed = Json.object().put("proposed_by", p.proposedBy()).put("confidence", done.confidence().value());
            ObjectNode proposal = seed.putObject("proposal").put("type", p.type());
            ArrayNode targets = proposal.putArray("targets");
            p.targets().forEach(targets::add);
            proposal.set("params", p.params());
            proposal.put("reason", p.reason());
            String action = ActionTypes.actionFor(p.type(), !p.targets().isEmpty());
            out.add(new FollowUp(action, input(action, p, done.output()), seed));
        }
        return out;
    }

    static JsonNode input(String action, ProposedAction p, JsonNode output) {
        JsonNode params = p.params();
        ObjectNode in = Json.object();
        switch (action) {
            case "email.send" -> {
                in.set("to", ids(p.targets()));
                in.put("subject", first(params, output, "subject", "title"));
                in.put("text", first(params, output, "body", "text", "message"));
                in.set("entities", ids(p.targets()));
                if (params.has("in_reply_to")) {
                    in.set("in_reply_to", params.get("in_reply_to"));
                }
            }
            case "entity.update" -> {
                in.put("id", p.targets().getFirst());
                in.set("set", params.has("set") ? params.get("set") : params);
            }
            case "entity.create" -> {
                in.set("type", params.path("type"));
                in.set("body", params.path("body"));
            }
            case "entity.link" -> {
                in.put("from", p.targets().getFirst());
                in.set("type", params.path("type"));
                in.put("to", p.targets().size() > 1 ? p.targets().get(1) : null);
            }
            case "http" -> {
                in.put("method", params.path("method").asString("POST"));
                in.set("url", params.path("url"));
                if (params.has("body")) {
                    in.set("body", params.get("body"));
                }
                in.set("entities", ids(p.targets()));
            }
            default -> {
                in.setAll((ObjectNode) params.deepCopy());
                in.set("targets", ids(p.targets()));
            }
        }
        if (!p.reason().isBlank()) {
            in.put("reason", p.reason());
        }
        return in;
    }

    /** The first of these fields the proposal's params give, else the agent's output gives, else null. */
    private static String first(JsonNode params, JsonNode output, String... fields) {
        for (JsonNode from : new JsonNode[] {params, output}) {
            for (String f : fields) {
                if (from != null && from.path(f).isString()) {
                    return from.get(f).asString();
                }
            }
        }
        return null;
    }

    private static ArrayNode ids(List<String> ids) {
        ArrayNode a = Json.mapper().createArrayNode();
        ids.forEach(a::add);
        return a;
    }
}
