package solo.execution.policy;

import dev.cel.runtime.CelEvaluationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import solo.execution.action.ActionCatalog;
import solo.execution.action.ProposedAction;
import solo.state.Store;
import solo.state.schema.CompanySchema;
import solo.state.schema.EntityType;

/**
 * Checks a proposed action against every policy before the runtime carries it out, whoever proposed it.
 * Deny wins over require_approval, which wins over allow; no match allows. A rule that cannot be evaluated
 * (a field missing at run time) fails closed: it requires the operator's approval, naming the rule.
 * An action type Solo does not know is denied.
 */
public final class PolicyEngine {
    private final List<Policy> policies;
    private final Store store;
    private final ActionCatalog catalog;

    public PolicyEngine(List<Policy> policies, Store store, ActionCatalog catalog) {
        this.policies = List.copyOf(policies);
        this.store = store;
        this.catalog = catalog;
    }

    /**
     * Reads {@code policies/*.yaml}; the fields rules read are checked against the schema's entity types and
     * the action catalog. Called before the database is opened, so a broken policy stops Solo early.
     */
    public static List<Policy> load(Path dir, CompanySchema schema, ActionCatalog catalog) {
        Set<String> bodyFields = new HashSet<>();
        for (EntityType t : schema.types().values()) {
            t.schema().path("properties").propertyNames().forEach(bodyFields::add);
        }
        return new PolicyLoader(dir, bodyFields, catalog.names()).load();
    }

    public List<Policy> policies() {
        return policies;
    }

    public Decision check(ProposedAction action, PolicyContext context) {
        if (catalog.find(action.type()).isEmpty()) {
            return new Decision.Deny(action, List.of(new RuleMatch("solo", "known_action_type", Effect.DENY,
                    "unknown action type '" + action.type() + "' (known: " + String.join(", ", catalog.names()) + ")",
                    "solo.yaml escalation.actions")));
        }
        Map<String, Object> facts = PolicyFacts.of(action, context, store, catalog);
        List<RuleMatch> deny = new ArrayList<>();
        List<RuleMatch> approve = new ArrayList<>();
        List<RuleMatch> allow = new ArrayList<>();
        for (Policy policy : policies) {
            Map<String, Object> vars = new HashMap<>(facts);
            vars.put("vars", policy.vars());
            for (PolicyRule rule : policy.rules()) {
                try {
                    Object result = rule.condition().eval(vars);
                    if (!(result instanceof Boolean)) {
                        throw new IllegalStateException("the condition gave " + result + ", not true or false");
                    }
                    if ((Boolean) result) {
                        RuleMatch m = new RuleMatch(policy.name(), rule.name(), rule.effect(), rule.reason().execute(vars), rule.where());
                        (switch (rule.effect()) {
                            case DENY -> deny;
                            case REQUIRE_APPROVAL -> approve;
                            case ALLOW -> allow;
                        }).add(m);
                    }
                } catch (CelEvaluationException | RuntimeException e) {
                    approve.add(new RuleMatch(policy.name(), rule.name(), Effect.REQUIRE_APPROVAL,
                            "the rule could not be evaluated, so the operator decides: " + oneLine(e.getMessage()), rule.where()));
                }
            }
        }
        if (!deny.isEmpty()) {
            return new Decision.Deny(action, deny);
        }
        if (!approve.isEmpty()) {
            return new Decision.RequireApproval(action, approve);
        }
        return new Decision.Allow(action, allow);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s+", " ").trim();
    }
}
