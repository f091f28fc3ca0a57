package solo.orchestration.step;

import solo.orchestration.flow.StepDefinition;
import solo.orchestration.flow.StepKindRules;

/**
 * A kind of step, registered by name in {@link StepKinds}: {@code agent}, {@code action}, {@code gate},
 * {@code wait}, {@code flow}, and whatever later layers add. The runtime renders the step's input,
 * checkpoints what {@link #execute} returns, and retries what it throws.
 */
public interface StepKind extends StepKindRules {

    /** Runs one attempt. Throw {@link NonRetryableException} when trying again cannot help. */
    StepOutcome execute(StepContext context) throws Exception;

    /**
     * True when the step acts on the outside world (an email, a webhook): the runtime then checkpoints
     * the attempt as {@code running} before calling {@link #execute}, so that after a crash it knows the
     * outcome is unknown and tells the next attempt ({@link StepContext#outcomeUnknown()}).
     */
    default boolean hasOutsideEffects(StepDefinition step) {
        return false;
    }

    /** How many steps of this kind may run at once in one process (model providers); 0 for no limit. */
    default int concurrency() {
        return 0;
    }
}
