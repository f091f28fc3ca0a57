package solo.execution.budget;

import java.time.LocalDate;
import solo.execution.RunRef;
import solo.execution.ledger.Ledger;
import solo.execution.ledger.PriceTable;

/**
 * Says whether a call would exceed a budget: per run, per flow per day, per company per day, with what
 * the ledger says is spent. The check is advisory by design: the runtime decides to pause and escalate.
 */
public final class Budgets {
    private final BudgetLimits limits;
    private final Ledger ledger;
    private final PriceTable prices;

    public Budgets(BudgetLimits limits, Ledger ledger, PriceTable prices) {
        this.limits = limits;
        this.ledger = ledger;
        this.prices = prices;
    }

    public BudgetLimits limits() {
        return limits;
    }

    public PriceTable prices() {
        return prices;
    }

    /** What a call would cost at most: its prompt (estimated) and its full output allowance. */
    public long estimate(String provider, String model, long inputTokens, long maxOutputTokens) {
        return prices.cost(provider, model, inputTokens, maxOutputTokens).orElse(0L);
    }

    /** Whether a call of about {@code estimateMicros} still fits every budget that applies to the run. */
    public BudgetDecision check(RunRef run, long estimateMicros) {
        LocalDate today = ledger.today();
        if (run.inRun() && limits.perRunMicros() > 0) {
            BudgetDecision d = compare(BudgetScope.RUN, run.runId(), limits.perRunMicros(), ledger.spentOnRun(run.runId()), estimateMicros);
            if (d instanceof BudgetDecision.Exceeded) {
                return d;
            }
        }
        if (run.flow() != null && limits.flowLimit(run.flow()) > 0) {
            BudgetDecision d = compare(BudgetScope.FLOW_DAY, run.flow() + " on " + today, limits.flowLimit(run.flow()),
                    ledger.spentOnFlow(run.flow(), today), estimateMicros);
            if (d instanceof BudgetDecision.Exceeded) {
                return d;
            }
        }
        if (limits.perCompanyPerDayMicros() > 0) {
            return compare(BudgetScope.COMPANY_DAY, today.toString(), limits.perCompanyPerDayMicros(),
                    ledger.spentOnDay(today), estimateMicros);
        }
        return BudgetDecision.WITHIN;
    }

    BudgetDecision compare(BudgetScope scope, String subject, long limit, long spent, long estimate) {
        return spent + estimate > limit
                ? new BudgetDecision.Exceeded(scope, subject, limit, spent, estimate, prices.currency())
                : BudgetDecision.WITHIN;
    }

    /** The agent's own cap per invocation, against what this invocation already spent. */
    public BudgetDecision checkAgent(String agent, long capMicros, long spentMicros, long estimateMicros) {
        return capMicros <= 0 ? BudgetDecision.WITHIN : compare(BudgetScope.AGENT_CALL, agent, capMicros, spentMicros, estimateMicros);
    }
}
