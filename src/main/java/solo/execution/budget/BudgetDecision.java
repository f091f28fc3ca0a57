package solo.execution.budget;

import solo.execution.ledger.Money;

/** Whether a call fits the budgets. The runtime pauses the run and escalates on {@link Exceeded}. */
public sealed interface BudgetDecision {

    record Within() implements BudgetDecision {}

    /**
     * @param subject what the budget is for: the run id, the flow name, the day, the agent
     * @param limitMicros the budget, {@code spentMicros} already spent, {@code estimateMicros} what the call would add
     */
    record Exceeded(BudgetScope scope, String subject, long limitMicros, long spentMicros, long estimateMicros,
                    String currency) implements BudgetDecision {
        public String explanation() {
            return "the call would exceed " + scope.words() + " (" + subject + "): " + Money.format(spentMicros)
                    + " " + currency + " spent + about " + Money.format(estimateMicros) + " for this call > limit "
                    + Money.format(limitMicros) + " " + currency;
        }
    }

    Within WITHIN = new Within();
}
