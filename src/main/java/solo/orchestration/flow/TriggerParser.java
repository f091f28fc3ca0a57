package solo.orchestration.flow;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import solo.orchestration.expr.Cel;
import solo.orchestration.expr.Expr;
import solo.orchestration.expr.ExpressionException;
import solo.orchestration.expr.Template;
import tools.jackson.databind.JsonNode;

/** The {@code triggers:} list: {@code cron:} schedules, {@code entity:} events, {@code webhook:} deliveries, {@code email.received}. */
final class TriggerParser {
    static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Set<String> EVENTS = Set.of("created", "updated");
    static final String EMAIL_RECEIVED = "email.received";
    private static final java.util.regex.Pattern HOOK_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    private final FlowCheck check;

    TriggerParser(FlowCheck check) {
        this.check = check;
    }

    List<TriggerDefinition> parse(JsonNode list) {
        List<TriggerDefinition> triggers = new ArrayList<>();
        if (list.isMissingNode() || list.isNull()) {
            return triggers;
        }
        if (!list.isArray()) {
            check.error("/triggers", "triggers must be a list (of cron: and entity: triggers)");
            return triggers;
        }
        for (int i = 0; i < list.size(); i++) {
            String p = "/triggers/" + i;
            JsonNode t = list.get(i);
            if (t.has("cron")) {
                cron(t, p, triggers);
            } else if (t.has("entity")) {
                entity(t, p, triggers);
            } else if (t.has("webhook")) {
                webhook(t, p, triggers);
            } else if (t.has(EMAIL_RECEIVED)) {
                email(t, p, triggers);
            } else if (t.has("manual")) {
                continue; // every flow can be started by hand; saying so is allowed
            } else {
                check.error(p, "unknown trigger: give cron: SCHEDULE, entity: TYPE, webhook: HOOK or email.received");
            }
        }
        return triggers;
    }

    private void cron(JsonNode t, String p, List<TriggerDefinition> out) {
        String expression = t.path("cron").asString("");
        try {
            CRON.parse(expression).validate();
        } catch (IllegalArgumentException e) {
            check.error(p + "/cron", "bad cron schedule '" + expression + "': " + e.getMessage());
            return;
        }
        ZoneId zone = ZoneOffset.UTC;
        if (t.has("timezone")) {
            try {
                zone = ZoneId.of(t.path("timezone").asString());
            } catch (DateTimeException e) {
                check.error(p + "/timezone", "unknown time zone '" + t.path("timezone").asString() + "'");
            }
        }
        Template input = Template.compile(t.path("input"), (q, m) -> check.error(p + "/input" + q, m));
        out.add(new TriggerDefinition.Cron(expression, zone, input, expression + "@" + zone));
    }

    private void entity(JsonNode t, String p, List<TriggerDefinition> out) {
        String type = t.path("entity").asString("");
        if (!check.entityTypeExists(type)) {
            check.error(p + "/entity", "no entity type '" + type + "' (see schema/)");
        }
        Set<String> on = new LinkedHashSet<>();
        JsonNode onNode = t.path("on");
        if (onNode.isMissingNode()) {
            on.addAll(List.of("created", "updated"));
        } else {
            Iterable<JsonNode> items = onNode.isArray() ? onNode : List.of(onNode);
            items.forEach(n -> on.add(n.asString()));
        }
        for (String e : on) {
            if (!EVENTS.contains(e)) {
                check.error(p + "/on", "unknown entity event '" + e + "' (known: created, updated)");
            }
        }
        Expr when = null;
        if (t.has("when")) {
            try {
                when = Cel.compile(t.path("when").asString());
            } catch (ExpressionException e) {
                check.error(p + "/when", e.getMessage());
            }
        }
        Template input = Template.compile(t.path("input"), (q, m) -> check.error(p + "/input" + q, m));
        out.add(new TriggerDefinition.EntityEvent(type, on, when, input));
    }

    /** {@code webhook: NAME}, with an optional {@code when:} over {@code payload} and {@code hook}. */
    private void webhook(JsonNode t, String p, List<TriggerDefinition> out) {
        onlyKeys(t, p, "webhook", "when", "input");
        JsonNode name = t.path("webhook");
        String hook = name.isString() ? name.asString() : "";
        if (!HOOK_NAME.matcher(hook).matches()) {
            check.error(p + "/webhook", "webhook: names an inbound hook of solo.yaml (hooks.inbound), lower-case letters,"
                    + " digits, '_' or '-'");
        } else if (!check.hookExists(hook)) {
            check.error(p + "/webhook", "no inbound hook '" + hook + "' in solo.yaml (declare it under hooks.inbound)");
        }
        out.add(new TriggerDefinition.Webhook(hook, condition(t, p), input(t, p)));
    }

    /** {@code email.received} (its value empty or {@code true}), with an optional {@code when:} over {@code email}. */
    private void email(JsonNode t, String p, List<TriggerDefinition> out) {
        onlyKeys(t, p, EMAIL_RECEIVED, "when", "input");
        JsonNode v = t.path(EMAIL_RECEIVED);
        if (!v.isNull() && !(v.isBoolean() && v.asBoolean()) && !(v.isObject() && v.isEmpty())) {
            check.error(p + "/" + EMAIL_RECEIVED, "email.received takes no value: put a filter in when:"
                    + " (for example when: \"email.subject.contains('invoice')\")");
        }
        out.add(new TriggerDefinition.EmailReceived(condition(t, p), input(t, p)));
    }

    private void onlyKeys(JsonNode t, String p, String... allowed) {
        Set<String> known = Set.of(allowed);
        for (String key : t.propertyNames()) {
            if (!known.contains(key)) {
                check.error(p + "/" + key, "unknown key '" + key + "' in a " + allowed[0] + " trigger (known: "
                        + String.join(", ", allowed) + ")");
            }
        }
    }

    private Expr condition(JsonNode t, String p) {
        if (!t.has("when")) {
            return null;
        }
        if (!t.path("when").isString()) {
            check.error(p + "/when", "when: must be a CEL condition in quotes");
            return null;
        }
        try {
            return Cel.compile(t.path("when").asString());
        } catch (ExpressionException e) {
            check.error(p + "/when", e.getMessage());
            return null;
        }
    }

    private Template input(JsonNode t, String p) {
        return Template.compile(t.path("input"), (q, m) -> check.error(p + "/input" + q, m));
    }
}
