package solo.orchestration.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import solo.orchestration.expr.Cel;
import solo.orchestration.expr.Expr;
import solo.orchestration.expr.ExpressionException;
import solo.orchestration.expr.Template;
import tools.jackson.databind.JsonNode;

/** The {@code steps:} list. A step is named by the one key that is a step kind; the rest are shared fields. */
final class StepParser {
    /** Step ids are CEL identifiers, so that {@code steps.draft_email.output} reads naturally. */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final Set<String> FIELDS = Set.of("id", "description", "when", "input", "after", "retry", "do", "parallel");

    private final Map<String, ? extends StepKindRules> kinds;
    private final FlowCheck check;

    StepParser(Map<String, ? extends StepKindRules> kinds, FlowCheck check) {
        this.kinds = kinds;
        this.check = check;
    }

    List<StepDefinition> parseAll(JsonNode list) {
        List<StepDefinition> steps = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            check.error(list.isMissingNode() ? "" : "/steps", "a flow needs a non-empty list of steps");
            return steps;
        }
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "/steps/" + i;
            StepDefinition step = parse(list.get(i), p, null);
            if (step == null) {
                continue;
            }
            if (seen.putIfAbsent(step.id(), p) != null) {
                check.error(p + "/id", "duplicate step id '" + step.id() + "'");
                continue;
            }
            steps.add(step);
        }
        return steps;
    }

    private StepDefinition parse(JsonNode node, String p, String foreachId) {
        if (!node.isObject()) {
            check.error(p, "a step must be a mapping (id: ..., and one kind: " + kindNames() + ")");
            return null;
        }
        String id = foreachId != null ? foreachId : node.path("id").asString("");
        if (foreachId == null && !ID.matcher(id).matches()) {
            check.error(node.has("id") ? p + "/id" : p, id.isEmpty() ? "step needs an id"
                    : "step id '" + id + "' must be lower-case letters, digits or '_', starting with a letter");
            return null;
        }
        List<String> kindKeys = new ArrayList<>();
        for (String key : node.propertyNames()) {
            if (kinds.containsKey(key) || key.equals(StepDefinition.FOREACH)) {
                kindKeys.add(key);
            }
        }
        Set<String> own = kindKeys.size() == 1 && kinds.containsKey(kindKeys.getFirst())
                ? kinds.get(kindKeys.getFirst()).options() : Set.of();
        boolean unknownKey = false;
        for (String key : node.propertyNames()) {
            if (!kindKeys.contains(key) && !FIELDS.contains(key) && !own.contains(key)) {
                unknownKey = true;
                Set<String> fields = new TreeSet<>(FIELDS);
                fields.addAll(own);
                String owner = kinds.entrySet().stream().filter(k -> k.getValue().options().contains(key))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                check.error(p + "/" + key, owner != null ? "step '" + id + "': '" + key + "' belongs to " + owner + " steps"
                        : "step '" + id + "': unknown step kind or field '" + key + "' (kinds: " + kindNames()
                        + "; fields: " + String.join(", ", fields) + ")");
            }
        }
        if (kindKeys.isEmpty() && unknownKey) {
            return null; // the unknown key is most likely the kind, misspelt: reported above
        }
        if (kindKeys.size() != 1) {
            check.error(kindKeys.isEmpty() ? p : p + "/" + kindKeys.get(1), "step '" + id + "' needs exactly one kind ("
                    + kindNames() + "), found " + (kindKeys.isEmpty() ? "none" : String.join(" and ", kindKeys)));
            return null;
        }
        String kind = kindKeys.getFirst();
        Set<String> reads = new LinkedHashSet<>();
        Expr when = expr(node, "when", p, reads);
        Template input = Template.compile(node.path("input"), (q, m) -> check.error(p + "/input" + q, m));
        reads.addAll(input.steps());
        Map<String, Template> options = new HashMap<>();
        for (String key : own) {
            if (node.has(key)) {
                JsonNode value = node.get(key);
                if (kinds.get(kind).expressions().contains(key) && value.isString()) {
                    value = tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("${" + unwrap(value.asString()) + "}");
                }
                Template t = Template.compile(value, (q, m) -> check.error(p + "/" + key + q, m));
                reads.addAll(t.steps());
                options.put(key, t);
            }
        }
        List<String> after = after(node, p);
        RetryPolicy retry = retry(node.path("retry"), p + "/retry");
        Expr foreach = null;
        StepDefinition body = null;
        int parallel = 1;
        if (kind.equals(StepDefinition.FOREACH)) {
            foreach = listExpr(node.path("foreach"), p + "/foreach", reads);
            parallel = parallel(node, p);
            body = foreachBody(node, p, id, reads);
        } else if (node.has("do") || node.has("parallel")) {
            check.error(p + (node.has("do") ? "/do" : "/parallel"), "step '" + id + "': do and parallel belong to foreach steps");
        }
        Set<String> dependsOn = new LinkedHashSet<>(after);
        dependsOn.addAll(reads);
        StepDefinition step = new StepDefinition(id, kind, node.get(kind), p, node.path("description").asString(null),
                when, input, after, retry, foreach, parallel, body, Set.copyOf(dependsOn), options);
        if (!step.isForeach()) {
            kinds.get(kind).check(step, check);
        }
        return step;
    }

    private StepDefinition foreachBody(JsonNode node, String p, String id, Set<String> reads) {
        JsonNode body = node.path("do");
        if (!body.isObject()) {
            check.error(p, "foreach step '" + id + "' needs do: (the step to run for each item)");
            return null;
        }
        StepDefinition inner = parse(body, p + "/do", id);
        if (inner != null) {
            if (inner.isForeach() || !kinds.get(inner.kind()).allowedInForeach()) {
                check.error(p + "/do/" + inner.kind(), "foreach step '" + id + "' cannot run " + inner.kind() + " steps for each item");
            }
            reads.addAll(inner.dependsOn());
        }
        return inner;
    }

    private Expr expr(JsonNode node, String field, String p, Set<String> reads) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        String source = value.isString() ? unwrap(value.asString()) : value.toString();
        try {
            Expr e = Cel.compile(source);
            reads.addAll(e.steps());
            return e;
        } catch (ExpressionException e) {
            check.error(p + "/" + field, e.getMessage());
            return null;
        }
    }

    private Expr listExpr(JsonNode value, String p, Set<String> reads) {
        String source = value.isString() ? unwrap(value.asString()) : value.toString();
        try {
            Expr e = Cel.compile(source);
            reads.addAll(e.steps());
            return e;
        } catch (ExpressionException e) {
            check.error(p, e.getMessage());
            return null;
        }
    }

    /** {@code when: "${x > 1}"} and {@code when: "x > 1"} mean the same. */
    static String unwrap(String s) {
        String t = s.trim();
        return t.startsWith("${") && t.endsWith("}") && t.indexOf("${", 2) < 0 ? t.substring(2, t.length() - 1).trim() : t;
    }

    private List<String> after(JsonNode node, String p) {
        List<String> after = new ArrayList<>();
        JsonNode a = node.path("after");
        if (a.isMissingNode()) {
            return after;
        }
        Iterable<JsonNode> items = a.isArray() ? a : List.of(a);
        items.forEach(n -> after.add(n.asString()));
        return after;
    }

    private int parallel(JsonNode node, String p) {
        JsonNode n = node.path("parallel");
        if (n.isMissingNode()) {
            return 1;
        }
        if (!n.isIntegralNumber() || n.intValue() < 1 || n.intValue() > 1000) {
            check.error(p + "/parallel", "parallel must be a whole number from 1 to 1000");
            return 1;
        }
        return n.intValue();
    }

    private RetryPolicy retry(JsonNode r, String p) {
        if (r.isMissingNode() || r.isNull()) {
            return RetryPolicy.DEFAULT;
        }
        if (r.isIntegralNumber()) {
            return attempts(r.intValue(), p) ? new RetryPolicy(r.intValue(), RetryPolicy.DEFAULT.backoff(),
                    RetryPolicy.DEFAULT.maxBackoff(), Set.of()) : RetryPolicy.DEFAULT;
        }
        if (!r.isObject()) {
            check.error(p, "retry must be a number of attempts or {attempts, backoff, max_backoff, non_retryable}");
            return RetryPolicy.DEFAULT;
        }
        for (String key : r.propertyNames()) {
            if (!Set.of("attempts", "backoff", "max_backoff", "non_retryable").contains(key)) {
                check.error(p + "/" + key, "unknown retry field '" + key + "' (known: attempts, backoff, max_backoff, non_retryable)");
            }
        }
        int attempts = r.path("attempts").asInt(RetryPolicy.DEFAULT.attempts());
        attempts(attempts, p + "/attempts");
        Duration backoff = duration(r, "backoff", p, RetryPolicy.DEFAULT.backoff());
        Duration max = duration(r, "max_backoff", p, RetryPolicy.DEFAULT.maxBackoff());
        Set<String> nonRetryable = new LinkedHashSet<>();
        r.path("non_retryable").forEach(n -> nonRetryable.add(n.asString()));
        return new RetryPolicy(attempts, backoff, max.compareTo(backoff) < 0 ? backoff : max, nonRetryable);
    }

    private boolean attempts(int n, String p) {
        if (n < 1 || n > 100) {
            check.error(p, "retry attempts must be from 1 to 100");
            return false;
        }
        return true;
    }

    private Duration duration(JsonNode r, String field, String p, Duration fallback) {
        if (!r.has(field)) {
            return fallback;
        }
        try {
            return Durations.parse(r.get(field).asString());
        } catch (IllegalArgumentException e) {
            check.error(p + "/" + field, e.getMessage());
            return fallback;
        }
    }

    private String kindNames() {
        Set<String> names = new TreeSet<>(kinds.keySet());
        names.add(StepDefinition.FOREACH);
        return String.join(", ", names);
    }
}
