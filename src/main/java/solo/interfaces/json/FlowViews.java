package solo.interfaces.json;

import java.util.List;
import java.util.Map;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.flow.TriggerDefinition;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shape of flow definitions: triggers, steps with what each depends on, versions. */
public final class FlowViews {
    private FlowViews() {}

    public static ObjectNode trigger(TriggerDefinition t) {
        return switch (t) {
            case TriggerDefinition.Cron c -> Json.object().put("kind", "cron").put("schedule", c.expression())
                    .put("timezone", c.zone().getId());
            case TriggerDefinition.EntityEvent e -> {
                ObjectNode o = Json.object().put("kind", "entity").put("type", e.type());
                o.set("on", Json.tree(e.on()));
                yield o.put("when", e.when() == null ? null : e.when().source());
            }
            case TriggerDefinition.Webhook w -> Json.object().put("kind", "webhook").put("hook", w.hook())
                    .put("when", w.when() == null ? null : w.when().source());
            case TriggerDefinition.EmailReceived m -> Json.object().put("kind", "email.received")
                    .put("when", m.when() == null ? null : m.when().source());
        };
    }

    public static ObjectNode step(StepDefinition s) {
        ObjectNode o = Json.object().put("id", s.id()).put("kind", s.kind()).put("description", s.description());
        o.set("spec", s.spec());
        o.set("depends_on", Json.tree(s.dependsOn()));
        if (s.isForeach() && s.body() != null) {
            o.put("body_kind", s.body().kind());
        }
        return o;
    }

    public static ObjectNode definition(FlowDefinition def, List<Map<String, Object>> versions) {
        ObjectNode o = Json.object().put("name", def.name()).put("description", def.description()).put("file", def.file())
                .put("hash", def.hash()).put("valid", true);
        o.set("required_inputs", Json.tree(def.requiredInputs()));
        ArrayNode triggers = o.putArray("triggers");
        def.triggers().forEach(t -> triggers.add(trigger(t)));
        ArrayNode steps = o.putArray("steps");
        def.steps().forEach(s -> steps.add(step(s)));
        o.set("versions", Json.tree(versions));
        return o.put("text", def.text());
    }
}
