package solo.orchestration.inbox;

/**
 * What went wrong with an inbox item's run, as playbooks match it.
 *
 * @param error the error class of the failed step ({@code SoloException}), or null
 * @param reason an agent's failure reason ({@code timeout}, {@code invalid_output}), or null
 * @param action the action the failed step carried out ({@code http}, {@code email.send}), or null
 */
public record Failure(FailureKind kind, String flow, String step, String error, String reason, String action) {

    /** {@code draft[action-1]} belongs to step {@code draft}. */
    public String baseStep() {
        if (step == null) {
            return null;
        }
        int bracket = step.indexOf('[');
        return bracket < 0 ? step : step.substring(0, bracket);
    }
}
