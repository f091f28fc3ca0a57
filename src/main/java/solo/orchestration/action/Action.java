package solo.orchestration.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import solo.orchestration.step.StepOutcome;
import solo.state.Store;
import tools.jackson.databind.JsonNode;

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

    /**
     * What is wrong with an input given by hand (the operator's edit in the inbox) before anything runs, each
     * as "field: problem"; empty when nothing is. The required inputs are checked before this is asked.
     */
    default List<String> check(JsonNode input, Store store) {
        return List.of();
    }

    /** The input's text fields that must be text when present. */
    static List<String> texts(JsonNode input, String... fields) {
        List<String> problems = new ArrayList<>();
        for (String f : fields) {
            if (input.has(f) && !input.get(f).isString()) {
                problems.add(f + ": must be text, not " + input.get(f).getNodeType().name().toLowerCase());
            }
        }
        return problems;
    }
}
