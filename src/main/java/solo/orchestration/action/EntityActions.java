package solo.orchestration.action;

import java.util.List;
import java.util.Set;
import solo.orchestration.step.StepOutcome;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code entity.create}, {@code entity.update} and {@code entity.link}: state writes that commit in the
 * step's checkpoint, so a crash can never apply them without recording the step, or the reverse.
 */
public final class EntityActions {
    private EntityActions() {}

    static String reason(ActionCall call) {
        return call.text("reason", "flow " + call.flow());
    }

    static ObjectNode view(Entity e) {
        ObjectNode o = Json.object().put("id", e.id()).put("type", e.type()).put("version", e.version());
        o.set("body", e.body());
        return o;
    }

    static String violation(solo.state.Violation v) {
        return "body" + (v.field() == null ? "" : v.field()) + ": " + v.message() + " [" + v.rule() + "]";
    }

    /** The entities an input names: {@code entities: [IDs]}, else {@code entity: ID}; empty when neither. */
    static List<String> entities(JsonNode input) {
        List<String> entities = new java.util.ArrayList<>();
        JsonNode many = input.get("entities");
        if (many != null && many.isArray()) {
            many.forEach(n -> entities.add(n.asString()));
        } else if (input.hasNonNull("entity")) { // an empty id is kept, to be refused by name
            entities.add(input.get("entity").asString());
        }
        return entities;
    }

    static JsonNode object(ActionCall call, String field) {
        JsonNode v = call.input() == null ? null : call.input().get(field);
        if (v == null || !v.isObject()) {
            throw new InvalidActionInputException(call.stepId() + ": input '" + field + "' must be an object");
        }
        return v;
    }

    /** {@code {type, body, id?, reason?}} */
    public static final class Create implements Action {
        @Override
        public String name() {
            return "entity.create";
        }

        @Override
        public Set<String> requiredInputs() {
            return Set.of("type", "body");
        }

        @Override
        public List<String> check(JsonNode input, Store store) {
            List<String> problems = Action.texts(input, "type", "id", "reason");
            var type = store.schema().find(input.path("type").asString(""));
            if (type.isEmpty()) {
                problems.add("type: no entity type '" + input.path("type").asString("") + "' (schema/ declares "
                        + String.join(", ", store.schema().types().keySet()) + ")");
            } else if (!input.path("body").isObject()) {
                problems.add("body: must be an object");
            } else {
                type.get().validate(input.get("body")).forEach(v -> problems.add(violation(v)));
            }
            return problems;
        }

        @Override
        public StepOutcome perform(ActionCall call) {
            Write write = Write.of(call.actor(), reason(call), new Change.CreateEntity(call.text("type"),
                    call.text("id", null), object(call, "body")));
            return StepOutcome.inCheckpoint(tx -> view(call.store().apply(tx, write).entity()));
        }
    }

    /** {@code {id, set: {...}}} merges fields into the body; {@code {id, body: {...}}} replaces it. */
    public static final class Update implements Action {
        @Override
        public String name() {
            return "entity.update";
        }

        @Override
        public Set<String> requiredInputs() {
            return Set.of("id");
        }

        @Override
        public List<String> check(JsonNode input, Store store) {
            List<String> problems = Action.texts(input, "id", "reason");
            var current = store.find(input.path("id").asString(""));
            if (current.isEmpty()) {
                problems.add("id: no entity " + input.path("id").asString(""));
                return problems;
            }
            if (input.has("body") ? !input.get("body").isObject() : !input.path("set").isObject()) {
                problems.add((input.has("body") ? "body" : "set") + ": must be an object");
                return problems;
            }
            ObjectNode body = input.has("body") ? (ObjectNode) input.get("body") : ((ObjectNode) current.get().body()).deepCopy();
            if (!input.has("body")) {
                input.get("set").properties().forEach(e -> body.set(e.getKey(), e.getValue()));
            }
            store.schema().find(current.get().type()).ifPresent(t -> t.validate(body).forEach(v -> problems.add(violation(v))));
            return problems;
        }

        @Override
        public StepOutcome perform(ActionCall call) {
            Entity current = call.store().get(call.text("id"));
            JsonNode body;
            if (call.input().has("body")) {
                body = object(call, "body");
            } else {
                ObjectNode merged = ((ObjectNode) current.body()).deepCopy();
                object(call, "set").properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
                body = merged;
            }
            Write write = Write.of(call.actor(), reason(call), new Change.UpdateEntity(current.id(), current.version(), body));
            return StepOutcome.inCheckpoint(tx -> view(call.store().apply(tx, write).entity()));
        }
    }

    /** {@code {from, type, to}} */
    public static final class Link implements Action {
        @Override
        public String name() {
            return "entity.link";
        }

        @Override
        public Set<String> requiredInputs() {
            return Set.of("from", "type", "to");
        }

        @Override
        public StepOutcome perform(ActionCall call) {
            String from = call.text("from");
            String type = call.text("type");
            String to = call.text("to");
            Write write = Write.of(call.actor(), reason(call), new Change.AddLink(from, type, to));
            return StepOutcome.inCheckpoint(tx -> {
                call.store().apply(tx, write);
                return Json.object().put("from", from).put("type", type).put("to", to);
            });
        }
    }
}
