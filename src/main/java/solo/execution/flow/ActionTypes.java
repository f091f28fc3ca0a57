package solo.execution.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Where the action types policies speak of ({@code send_email}, {@code write_entity}, …; see
 * {@link solo.execution.action.ActionCatalog}) meet the actions the runtime carries out ({@code email.send},
 * {@code entity.update}, …): an agent proposes a type and the runtime picks the action; a flow names an
 * action and the policies check it as its type.
 */
final class ActionTypes {
    private ActionTypes() {}

    /** The action that carries out a proposed type; a type declared in solo.yaml needs an action of its own name. */
    static String actionFor(String type, boolean hasTarget) {
        return switch (type) {
            case "send_email", "send_offer", "send_invoice" -> "email.send";
            case "write_entity" -> hasTarget ? "entity.update" : "entity.create";
            case "link_entities" -> "entity.link";
            case "call_webhook", "publish" -> "http";
            default -> type;
        };
    }

    /**
     * The type the policies check a flow's action as: its input's {@code as} (an email that sends an invoice
     * is checked as {@code send_invoice}), else the action's own.
     */
    static String typeOf(String action, JsonNode input) {
        String as = input.path("as").asString("");
        if (!as.isEmpty()) {
            return as;
        }
        return switch (action) {
            case "email.send" -> "send_email";
            case "http" -> "call_webhook";
            case "entity.create", "entity.update", "note.add", "artifact.attach" -> "write_entity";
            case "entity.link" -> "link_entities";
            default -> action.replace('.', '_');
        };
    }

    /**
     * The entities a flow's action acts on: its input's {@code targets}, else by action — an email's recipients
     * (entity ids, and the entities whose address it goes to) and the entities it is attached to, the entity
     * written, the two ends of a link.
     */
    static List<String> targetsOf(String action, JsonNode input, Function<List<String>, List<String>> entitiesOfAddresses) {
        if (input.has("targets")) {
            return texts(input.get("targets"));
        }
        Set<String> targets = new LinkedHashSet<>();
        switch (action) {
            case "email.send" -> {
                List<String> addresses = new ArrayList<>();
                for (String to : concat(texts(input.get("to")), texts(input.get("cc")))) {
                    if (to.contains("@")) {
                        addresses.add(to);
                    } else {
                        targets.add(to);
                    }
                }
                targets.addAll(entitiesOfAddresses.apply(addresses));
                targets.addAll(texts(input.get("entities")));
            }
            case "entity.update" -> targets.addAll(texts(input.get("id")));
            case "entity.link" -> {
                targets.addAll(texts(input.get("from")));
                targets.addAll(texts(input.get("to")));
            }
            case "note.add", "artifact.attach" -> {
                targets.addAll(texts(input.get("entity")));
                targets.addAll(texts(input.get("entities")));
            }
            default -> targets.addAll(texts(input.get("entities")));
        }
        return List.copyOf(targets);
    }

    /** A text or a list of texts, as a list (an email's {@code to} may be either). */
    static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> {
                if (n.isValueNode() && !n.asString("").isBlank()) {
                    out.add(n.asString());
                }
            });
        } else if (node.isValueNode() && !node.asString("").isBlank()) {
            out.add(node.asString());
        }
        return out;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
