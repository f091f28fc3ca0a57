package solo.execution.agent;

/**
 * An agent's own limits for one invocation: at most {@code maxCostMicros} spent (0: no cap), answers of at
 * most {@code maxOutputTokens} (null: the tier's setting), and at most {@code maxToolRounds} rounds of reads.
 */
public record AgentBudget(long maxCostMicros, Integer maxOutputTokens, int maxToolRounds) {
    public static final AgentBudget DEFAULT = new AgentBudget(0, null, 3);
}
