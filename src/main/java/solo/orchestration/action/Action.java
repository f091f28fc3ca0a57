package solo.orchestration.action;

import java.util.Set;
import solo.orchestration.step.StepOutcome;

/**
 * A step that changes the world, registered by name in {@link Actions}: {@code entity.create},
 * {@code note.add}, later {@code email.send} and {@code http}. The runtime asks the {@link ActionGuard}
 * before every attempt. State writes go through {@link StepOutcome#inCheckpoint} so that they commit
 * with the step's checkpoint; outside effects carry {@link ActionCall#idempotencyKey()}.
 */
public interface Action {
    String name();

    /** Input fields the action cannot do without; a flow whose step lacks one is refused when loaded. */
    default Set<String> requiredInputs() {
        return Set.of();
    }

    /** True for effects outside the database (email, webhooks): each attempt is checkpointed before it starts. */
    default boolean hasOutsideEffects() {
        return false;
    }

    /**
     * True when {@link #perform} can tell from the idempotency key whether an earlier attempt already
     * took effect (and then does not repeat it). When false, an attempt whose outcome a crash hid is
     * escalated to the operator as {@code outcome unknown} instead of being repeated blindly.
     */
    default boolean checksOutcome() {
        return false;
    }

    StepOutcome perform(ActionCall call) throws Exception;
}
