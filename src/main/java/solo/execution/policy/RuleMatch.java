package solo.execution.policy;

/** A rule that matched an action: which policy and rule, its effect, its reason, and where it is written. */
public record RuleMatch(String policy, String rule, Effect effect, String reason, String where) {
    @Override
    public String toString() {
        return policy + "/" + rule + " (" + where + "): " + reason;
    }
}
