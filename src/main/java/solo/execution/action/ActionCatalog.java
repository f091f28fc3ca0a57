package solo.execution.action;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import solo.execution.config.ConfigNode;

/**
 * The action types Solo knows and their business impact. The built-in ones below can be changed, and
 * new ones declared, in solo.yaml's {@code escalation.actions}:
 *
 * <pre>
 * escalation:
 *   actions:
 *     publish_post: [customer_visible, irreversible]
 * </pre>
 */
public record ActionCatalog(Map<String, ActionType> types) {

    public static final Map<String, Set<Impact>> BUILT_IN = builtIn();

    private static Map<String, Set<Impact>> builtIn() {
        Map<String, Set<Impact>> m = new LinkedHashMap<>();
        m.put("write_entity", EnumSet.noneOf(Impact.class));            // revertible: every write is an event
        m.put("link_entities", EnumSet.noneOf(Impact.class));
        m.put("send_email", EnumSet.of(Impact.CUSTOMER_VISIBLE, Impact.IRREVERSIBLE));
        m.put("send_offer", EnumSet.of(Impact.MONEY, Impact.CUSTOMER_VISIBLE, Impact.IRREVERSIBLE));
        m.put("send_invoice", EnumSet.of(Impact.MONEY, Impact.CUSTOMER_VISIBLE, Impact.IRREVERSIBLE));
        m.put("call_webhook", EnumSet.of(Impact.IRREVERSIBLE));
        m.put("publish", EnumSet.of(Impact.CUSTOMER_VISIBLE, Impact.IRREVERSIBLE));
        return Map.copyOf(m);
    }

    public static final ActionCatalog DEFAULT = withOverrides(Map.of());

    public Optional<ActionType> find(String type) {
        return Optional.ofNullable(types.get(type));
    }

    public Set<String> names() {
        return new TreeSet<>(types.keySet());
    }

    static ActionCatalog withOverrides(Map<String, Set<Impact>> overrides) {
        Map<String, ActionType> types = new LinkedHashMap<>();
        BUILT_IN.forEach((name, impacts) -> types.put(name, new ActionType(name, impacts)));
        overrides.forEach((name, impacts) -> types.put(name, new ActionType(name, impacts)));
        return new ActionCatalog(Map.copyOf(types));
    }

    /** Reads {@code escalation.actions}: action type → list of impacts (an empty list: no impact). */
    public static ActionCatalog read(ConfigNode actions) {
        if (actions.absent()) {
            return DEFAULT;
        }
        actions.requireObject("action types mapped to their impacts: money, customer_visible, irreversible");
        Map<String, Set<Impact>> overrides = new LinkedHashMap<>();
        for (String name : actions.keys()) {
            if (!name.matches("[a-z][a-z0-9_]{0,63}")) {
                throw actions.child(name).error("action type names are lower-case letters, digits and '_'");
            }
            Set<Impact> impacts = EnumSet.noneOf(Impact.class);
            ConfigNode list = actions.child(name);
            for (ConfigNode item : list.node().isArray() ? list.items() : List.of(list)) {
                Impact impact = Impact.parse(item.text());
                if (impact == null) {
                    throw item.error("unknown impact '" + item.node().asString() + "' (expected money, customer_visible, irreversible)");
                }
                impacts.add(impact);
            }
            overrides.put(name, impacts);
        }
        return withOverrides(overrides);
    }
}
