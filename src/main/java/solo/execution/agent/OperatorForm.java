package solo.execution.agent;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The form made from an output contract: one field per top-level property, in the contract's order. */
public record OperatorForm(List<FormField> fields) {

    /** {@code confidence} is left out: an answer from the operator is as sure as it gets. */
    public static OperatorForm of(Contract contract) {
        JsonNode schema = contract.schema();
        List<FormField> fields = new ArrayList<>();
        for (var p : schema.path("properties").properties()) {
            if (p.getKey().equals("confidence")) {
                continue;
            }
            JsonNode def = p.getValue();
            List<String> options = new ArrayList<>();
            def.path("enum").forEach(v -> options.add(v.asString()));
            fields.add(new FormField(p.getKey(), type(def), contract.requires(p.getKey()),
                    def.path("description").asString(def.path("title").asString("")), List.copyOf(options),
                    def.has("minimum") ? def.get("minimum").asDouble() : null,
                    def.has("maximum") ? def.get("maximum").asDouble() : null,
                    def.has("items") ? type(def.get("items")) : null));
        }
        return new OperatorForm(List.copyOf(fields));
    }

    private static String type(JsonNode def) {
        JsonNode t = def.path("type");
        if (t.isArray()) {
            for (JsonNode v : t) {
                if (!"null".equals(v.asString())) {
                    return v.asString();
                }
            }
        }
        if (t.isString()) {
            return t.asString();
        }
        return def.has("enum") ? "string" : "any";
    }
}
