package solo.execution.escalation;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import solo.execution.action.ActionCatalog;
import solo.execution.action.ActionType;
import solo.execution.action.Impact;
import solo.execution.action.ProposedAction;
import solo.execution.config.ConfigNode;
import solo.support.yaml.YamlDocument;

/**
 * When the runtime escalates by itself: each action type declares its business impact, and solo.yaml's
 * threshold table gives the minimum confidence that may proceed unattended for each impact; an action
 * with several impacts needs the highest of their thresholds.
 *
 * <pre>
 * escalation:
 *   thresholds: {none: 0.0, customer_visible: 0.7, money: 0.8, irreversible: 0.85}
 *   actions: {publish_post: [customer_visible, irreversible]}
 * </pre>
 */
public final class Escalation {
    public static final double DEFAULT_NONE = 0.0;
    public static final Map<Impact, Double> DEFAULT_THRESHOLDS = Map.of(
            Impact.CUSTOMER_VISIBLE, 0.7, Impact.MONEY, 0.8, Impact.IRREVERSIBLE, 0.85);

    private final ActionCatalog catalog;
    private final double none;
    private final Map<Impact, Double> thresholds;

    public Escalation(ActionCatalog catalog, double none, Map<Impact, Double> thresholds) {
        this.catalog = catalog;
        this.none = none;
        this.thresholds = Map.copyOf(thresholds);
    }

    public static Escalation read(YamlDocument doc) {
        ConfigNode s = ConfigNode.section(doc, "escalation").allowKeys(Set.of("thresholds", "actions"));
        ConfigNode t = s.child("thresholds").allowKeys(Set.of("none", "customer_visible", "money", "irreversible"));
        Map<Impact, Double> thresholds = new EnumMap<>(Impact.class);
        for (Impact i : Impact.values()) {
            thresholds.put(i, t.number(i.text(), DEFAULT_THRESHOLDS.get(i), 0, 1));
        }
        return new Escalation(ActionCatalog.read(s.child("actions")), t.number("none", DEFAULT_NONE, 0, 1), thresholds);
    }

    public ActionCatalog catalog() {
        return catalog;
    }

    /** The minimum confidence with which this action type may proceed unattended (1.0+ for an unknown type). */
    public double threshold(String actionType) {
        return catalog.find(actionType).map(this::threshold).orElse(Double.POSITIVE_INFINITY);
    }

    private double threshold(ActionType type) {
        double min = none;
        for (Impact i : type.impacts()) {
            min = Math.max(min, thresholds.get(i));
        }
        return min;
    }

    /** Whether the runtime must insert a gate before this action, given the confidence of what proposed it. */
    public GateCheck needsGate(ProposedAction action, double confidence) {
        var type = catalog.find(action.type());
        if (type.isEmpty()) {
            return new GateCheck(true, confidence, 1.0, Set.of(),
                    "unknown action type '" + action.type() + "': the operator decides");
        }
        double threshold = threshold(type.get());
        Set<Impact> impacts = type.get().impacts();
        String what = impacts.isEmpty() ? "no business impact"
                : impacts.stream().map(Impact::text).sorted().collect(Collectors.joining(", "));
        if (confidence < threshold) {
            return new GateCheck(true, confidence, threshold, impacts, String.format(Locale.ROOT,
                    "confidence %.2f is below %.2f, the threshold for %s (%s)", confidence, threshold, action.type(), what));
        }
        return new GateCheck(false, confidence, threshold, impacts, String.format(Locale.ROOT,
                "confidence %.2f meets %.2f, the threshold for %s (%s)", confidence, threshold, action.type(), what));
    }
}
