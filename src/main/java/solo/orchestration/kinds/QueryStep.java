package solo.orchestration.kinds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import solo.orchestration.expr.CelValues;
import solo.orchestration.expr.ExpressionException;
import solo.orchestration.expr.Template;
import solo.orchestration.flow.FlowCheck;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;
import solo.state.Entity;
import solo.state.Link;
import solo.state.Store;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code query: TYPE}: reads entities of one type from the store — the overdue invoices, the next topic of
 * the backlog — for the steps after it. It changes nothing, so it is never guarded or checkpointed early.
 *
 * <pre>
 * - id: overdue
 *   query: invoice
 *   where: "entity.body.status == 'sent' &amp;&amp; entity.body.due &lt; today"   # CEL, like when:
 *   order_by: "entity.body.due"                                       # CEL; ties by id
 *   descending: false
 *   limit: 50
 * - id: lead
 *   query: lead
 *   entity: "${input.lead_id}"                                        # one entity, by its id
 * </pre>
 *
 * Output: {@code {items: [{id, type, version, body, links: {TYPE: [to…]}, linked_from: {TYPE: [from…]}}],
 * count, first}} ({@code first} is null when nothing matched). {@code where} and {@code order_by} see the
 * step's variables and {@code entity}; {@code now} and {@code today} are the run's start (UTC).
 */
public final class QueryStep implements StepKind {
    /** Enough for a one-person company's invoices; a flow that needs more says so with limit. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;
    private static final int PAGE = 500;

    @Override
    public String name() {
        return "query";
    }

    @Override
    public Set<String> options() {
        return Set.of("where", "order_by", "descending", "limit", "entity");
    }

    @Override
    public Set<String> expressions() {
        return Set.of("where", "order_by");
    }

    @Override
    public void check(StepDefinition step, FlowCheck check) {
        String type = step.specText();
        if (type == null || type.isBlank()) {
            check.error(step.pointer() + "/query", "step '" + step.id() + "': query needs an entity type (query: invoice)");
        } else if (!check.entityTypeExists(type)) {
            check.error(step.pointer() + "/query", "step '" + step.id() + "': unknown entity type '" + type + "' (no schema/" + type + ".yaml)");
        }
        if (step.option("entity") != null && (step.option("where") != null || step.option("order_by") != null)) {
            check.error(step.pointer() + "/entity", "step '" + step.id() + "': a query of one entity takes no where or order_by");
        }
    }

    @Override
    public StepOutcome execute(StepContext c) {
        StepDefinition def = c.definition();
        String type = def.specText();
        Store store = c.store();
        List<Entity> found = new ArrayList<>();
        Template id = def.option("entity");
        if (id != null) {
            String wanted = id.render(c.vars()).asString("");
            store.find(wanted).filter(e -> e.type().equals(type)).ifPresent(found::add);
        } else {
            found.addAll(matching(c, store, type, def.option("where")));
            sort(found, c, def.option("order_by"), flag(def.option("descending"), c));
            int limit = limit(def.option("limit"), c);
            if (found.size() > limit) {
                found = new ArrayList<>(found.subList(0, limit));
            }
        }
        ArrayNode items = Json.mapper().createArrayNode();
        found.forEach(e -> items.add(view(e, store.links(e.id()))));
        ObjectNode out = Json.object();
        out.set("items", items);
        out.put("count", items.size());
        out.set("first", items.isEmpty() ? Json.mapper().nullNode() : items.get(0));
        return StepOutcome.done(out);
    }

    private static List<Entity> matching(StepContext c, Store store, String type, Template where) {
        List<Entity> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<Entity> page = store.list(type, after, PAGE);
            for (Entity e : page) {
                if (where == null || test(where, withEntity(c.vars(), e), e)) {
                    all.add(e);
                }
            }
            if (page.size() < PAGE) {
                return all;
            }
            after = page.getLast().id();
        }
    }

    private static boolean test(Template where, Map<String, Object> vars, Entity e) {
        JsonNode v;
        try {
            v = where.render(vars);
        } catch (ExpressionException ex) {
            throw new NonRetryableException("query where, on " + e.id() + ": " + ex.getMessage());
        }
        if (!v.isBoolean()) {
            throw new NonRetryableException("query where gave " + v + " on " + e.id() + ", not true or false");
        }
        return v.booleanValue();
    }

    private static void sort(List<Entity> found, StepContext c, Template orderBy, boolean descending) {
        if (orderBy == null) {
            return; // store order: by id
        }
        Map<String, JsonNode> keys = new HashMap<>();
        for (Entity e : found) {
            keys.put(e.id(), orderBy.render(withEntity(c.vars(), e)));
        }
        Comparator<Entity> byKey = (a, b) -> compare(keys.get(a.id()), keys.get(b.id()));
        if (descending) {
            byKey = byKey.reversed();
        }
        found.sort(byKey.thenComparing(Entity::id));
    }

    /** Numbers by value, everything else by text; missing values last. */
    static int compare(JsonNode a, JsonNode b) {
        boolean na = a == null || a.isNull() || a.isMissingNode();
        boolean nb = b == null || b.isNull() || b.isMissingNode();
        if (na || nb) {
            return Boolean.compare(na, nb);
        }
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.asString("").compareTo(b.asString(""));
    }

    private static Map<String, Object> withEntity(Map<String, Object> vars, Entity e) {
        Map<String, Object> v = new HashMap<>(vars);
        v.put("entity", CelValues.fromJson(entityValue(e)));
        return v;
    }

    private static ObjectNode entityValue(Entity e) {
        ObjectNode o = Json.object().put("id", e.id()).put("type", e.type()).put("version", e.version());
        o.set("body", e.body());
        return o;
    }

    static ObjectNode view(Entity e, List<Link> links) {
        ObjectNode o = entityValue(e);
        ObjectNode out = o.putObject("links");
        ObjectNode in = o.putObject("linked_from");
        for (Link l : links) {
            if (l.from().equals(e.id())) {
                arrayOf(out, l.type()).add(l.to());
            } else {
                arrayOf(in, l.type()).add(l.from());
            }
        }
        return o;
    }

    private static ArrayNode arrayOf(ObjectNode o, String field) {
        return o.has(field) ? (ArrayNode) o.get(field) : o.putArray(field);
    }

    private static boolean flag(Template t, StepContext c) {
        return t != null && t.render(c.vars()).asBoolean(false);
    }

    private static int limit(Template t, StepContext c) {
        if (t == null) {
            return DEFAULT_LIMIT;
        }
        JsonNode n = t.render(c.vars());
        if (!n.isIntegralNumber() || n.intValue() < 1 || n.intValue() > MAX_LIMIT) {
            throw new NonRetryableException("query limit must be a whole number from 1 to " + MAX_LIMIT + ", not " + n);
        }
        return n.intValue();
    }
}
