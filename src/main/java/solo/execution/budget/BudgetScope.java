package solo.execution.budget;

/** Which budget a call would break. */
public enum BudgetScope {
    /** The agent's own cap for one invocation (its {@code budget.max_cost}). */
    AGENT_CALL("the agent's budget per call"),
    RUN("the budget per run"),
    FLOW_DAY("the flow's budget per day"),
    COMPANY_DAY("the company's budget per day");

    private final String words;

    BudgetScope(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
