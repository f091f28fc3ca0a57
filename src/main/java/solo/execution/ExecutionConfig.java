package solo.execution;

import java.time.ZoneId;
import java.util.List;
import solo.company.Company;
import solo.execution.agent.Agents;
import solo.execution.budget.BudgetLimits;
import solo.execution.escalation.Escalation;
import solo.execution.ledger.PriceTable;
import solo.execution.model.ModelsConfig;
import solo.execution.policy.Policy;
import solo.execution.policy.PolicyEngine;
import solo.state.schema.CompanySchema;

/**
 * Everything the execution layer reads from the company folder: solo.yaml's {@code models}, {@code tiers},
 * {@code prices}, {@code budgets} and {@code escalation}, and the {@code agents/} and {@code policies/}
 * definitions. Read and checked before the database is opened, so that a broken file stops Solo with
 * file:line:column and nothing else happens.
 */
public record ExecutionConfig(ModelsConfig models, PriceTable prices, BudgetLimits budgets, Escalation escalation,
                              Agents agents, List<Policy> policies, ZoneId zone) {

    public static ExecutionConfig load(Company company, CompanySchema schema) {
        var doc = company.config().document();
        Escalation escalation = Escalation.read(doc);
        return new ExecutionConfig(ModelsConfig.read(doc), PriceTable.read(doc), BudgetLimits.read(doc), escalation,
                Agents.load(company.agentsDir(), escalation.catalog()),
                PolicyEngine.load(company.policiesDir(), schema, escalation.catalog()), zone(company));
    }

    private static ZoneId zone(Company company) {
        try {
            return ZoneId.of(company.config().timezone());
        } catch (RuntimeException e) {
            throw company.config().document().error("/timezone", "unknown time zone '" + company.config().timezone()
                    + "' (e.g. UTC, Europe/Paris)");
        }
    }

}
