package solo.orchestration.expr;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A step's input as written in the flow: any JSON, where a string {@code "${expr}"} is replaced by the
 * expression's value (of any type) and {@code "Dear ${input.name},"} interpolates text. Expressions are
 * compiled when the flow is loaded; rendering only evaluates them.
 */
public final class Template {
    private static final Pattern PART = Pattern.compile("\\$\\{(.+?)}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A compiled template node; {@code pointer} is where it is in the flow file, for errors. */
    private sealed interface Node permits Literal, Whole, Text, Obj, Arr {}

    private record Literal(JsonNode value) implements Node {}

    private record Whole(Expr expr) implements Node {}

    private record Text(List<Object> parts) implements Node {}

    private record Obj(Map<String, Node> fields) implements Node {}

    private record Arr(List<Node> items) implements Node {}

    private final Node root;
    private final Set<String> steps;

    private Template(Node root, Set<String> steps) {
        this.root = root;
        this.steps = steps;
    }

    public static final Template EMPTY = new Template(new Literal(NODES.nullNode()), Set.of());

    /**
     * A template that renders to this value as it is, whatever text it holds: for input made by the runtime
     * from data (an agent's proposal), where a {@code ${...}} in the data must stay text, never run as CEL.
     */
    public static Template literal(JsonNode value) {
        return new Template(new Literal(value == null ? NODES.nullNode() : value), Set.of());
    }

    /** Compiles a template; {@code onError} receives the JSON pointer (relative) of a bad expression. */
    public static Template compile(JsonNode value, ErrorSink onError) {
        Set<String> steps = new LinkedHashSet<>();
        Node root = compile(value, "", steps, onError);
        return new Template(root, Set.copyOf(steps));
    }

    /** Where a template's expression failed to compile. */
    @FunctionalInterface
    public interface ErrorSink {
        void error(String pointer, String message);
    }

    private static Node compile(JsonNode value, String pointer, Set<String> steps, ErrorSink onError) {
        if (value == null || value.isMissingNode()) {
            return new Literal(NODES.nullNode());
        }
        if (value.isObject()) {
            Map<String, Node> fields = new LinkedHashMap<>();
            for (var e : value.properties()) {
                fields.put(e.getKey(), compile(e.getValue(), pointer + "/" + e.getKey(), steps, onError));
            }
            return new Obj(fields);
        }
        if (value.isArray()) {
            List<Node> items = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                items.add(compile(value.get(i), pointer + "/" + i, steps, onError));
            }
            return new Arr(items);
        }
        if (!value.isString() || !value.asString().contains("${")) {
            return new Literal(value);
        }
        String text = value.asString();
        try {
            Matcher whole = PART.matcher(text);
            if (whole.matches()) {
                Expr e = Cel.compile(whole.group(1).trim());
                steps.addAll(e.steps());
                return new Whole(e);
            }
            List<Object> parts = new ArrayList<>();
            Matcher m = PART.matcher(text);
            int last = 0;
            while (m.find()) {
                parts.add(text.substring(last, m.start()));
                Expr e = Cel.compile(m.group(1).trim());
                steps.addAll(e.steps());
                parts.add(e);
                last = m.end();
            }
            parts.add(text.substring(last));
            return new Text(parts);
        } catch (ExpressionException e) {
            onError.error(pointer, e.getMessage());
            return new Literal(value);
        }
    }

    /** Steps whose outputs the template reads. */
    public Set<String> steps() {
        return steps;
    }

    /** Top-level keys of an object template (to check required inputs), empty otherwise. */
    public Set<String> keys() {
        return root instanceof Obj o ? o.fields().keySet() : Set.of();
    }

    public boolean isEmpty() {
        return root instanceof Literal l && l.value().isNull();
    }

    public JsonNode render(Map<String, Object> vars) {
        return render(root, vars);
    }

    private static JsonNode render(Node node, Map<String, Object> vars) {
        return switch (node) {
            case Literal l -> l.value();
            case Whole w -> w.expr().evaluateJson(vars);
            case Text t -> {
                StringBuilder sb = new StringBuilder();
                for (Object part : t.parts()) {
                    if (part instanceof Expr e) {
                        JsonNode v = e.evaluateJson(vars);
                        sb.append(v.isString() ? v.asString() : v.isNull() ? "" : v.toString());
                    } else {
                        sb.append(part);
                    }
                }
                yield NODES.stringNode(sb.toString());
            }
            case Obj o -> {
                ObjectNode out = NODES.objectNode();
                o.fields().forEach((k, v) -> out.set(k, render(v, vars)));
                yield out;
            }
            case Arr a -> {
                ArrayNode out = NODES.arrayNode();
                a.items().forEach(v -> out.add(render(v, vars)));
                yield out;
            }
        };
    }
}
