package solo.orchestration.flow;

import java.util.List;
import java.util.Map;
import java.util.Set;
import solo.orchestration.expr.Expr;
import solo.orchestration.expr.Template;
import tools.jackson.databind.JsonNode;

/**
 * One step as written: its kind (the key that names it: {@code agent: researcher}, {@code action:
 * entity.create}, {@code gate: ...}), that key's value ({@code spec}), and what every kind shares.
 * A {@code foreach} step runs {@code body} once per item, {@code parallel} at a time.
 *
 * @param pointer where the step is in its file (a JSON pointer, for errors)
 * @param dependsOn steps that must be finished first: {@code after} and every {@code steps.ID} read
 * @param options the kind's own fields ({@link StepKindRules#options()}), compiled
 */
public record StepDefinition(
        String id,
        String kind,
        JsonNode spec,
        String pointer,
        String description,
        Expr when,
        Template input,
        List<String> after,
        RetryPolicy retry,
        Expr foreach,
        int parallel,
        StepDefinition body,
        Set<String> dependsOn,
        Map<String, Template> options) {

    public static final String FOREACH = "foreach";

    public StepDefinition {
        options = options == null ? Map.of() : Map.copyOf(options);
    }

    /** One of the kind's own fields, or null when the step does not give it. */
    public Template option(String name) {
        return options.get(name);
    }

    public boolean isForeach() {
        return FOREACH.equals(kind);
    }

    /** The spec as text ({@code agent: researcher} gives "researcher"), or null when it is not text. */
    public String specText() {
        return spec != null && spec.isString() ? spec.asString() : null;
    }
}
