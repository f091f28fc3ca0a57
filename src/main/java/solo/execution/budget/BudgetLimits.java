package solo.execution.budget;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import solo.execution.config.ConfigNode;
import solo.execution.ledger.Money;
import solo.support.yaml.YamlDocument;

/**
 * solo.yaml's {@code budgets}, in the price table's currency; 0 or absent means no limit.
 *
 * <pre>
 * budgets:
 *   per_run: 0.50
 *   per_flow_per_day: 5.00
 *   per_company_per_day: 20.00
 *   flows: {lead-qualification: 8.00}     # a flow's own daily budget instead of per_flow_per_day
 * </pre>
 */
public record BudgetLimits(long perRunMicros, long perFlowPerDayMicros, long perCompanyPerDayMicros,
                           Map<String, Long> flowPerDayMicros) {

    public static final BudgetLimits NONE = new BudgetLimits(0, 0, 0, Map.of());

    public long flowLimit(String flow) {
        return flowPerDayMicros.getOrDefault(flow, perFlowPerDayMicros);
    }

    public static BudgetLimits read(YamlDocument doc) {
        ConfigNode s = ConfigNode.section(doc, "budgets");
        if (s.absent()) {
            return NONE;
        }
        s.allowKeys(Set.of("per_run", "per_flow_per_day", "per_company_per_day", "flows"));
        Map<String, Long> flows = new LinkedHashMap<>();
        ConfigNode f = s.child("flows");
        if (!f.absent()) {
            f.requireObject("flow names mapped to a daily budget");
            for (String flow : f.keys()) {
                flows.put(flow, Money.micros(f.child(flow).number(0, 1e9)));
            }
        }
        return new BudgetLimits(amount(s, "per_run"), amount(s, "per_flow_per_day"), amount(s, "per_company_per_day"),
                Map.copyOf(flows));
    }

    private static long amount(ConfigNode s, String key) {
        return Money.micros(s.number(key, 0, 0, 1e9));
    }
}
