package solo.orchestration.inbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of failure a playbook is written for ({@code on: {failure: ...}}). */
public enum FailureKind {
    /** An agent's model did not answer: timeouts, server errors, rate limits, the network. */
    MODEL_PROVIDER_DOWN,
    /** An agent's answer broke its output contract, even after a repair (or it looped on tools). */
    INVALID_OUTPUT,
    /** A policy denied an action. */
    POLICY_DENIED,
    /** A model call would go past a budget: the step waits. */
    BUDGET_REACHED,
    /** A crash hid whether an action (an email, a webhook) took effect: the step waits. */
    OUTCOME_UNKNOWN,
    /** An {@code http} action (a webhook, a publish) failed. */
    HTTP_FAILED,
    /** Any other step failure. */
    STEP_ERROR;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FailureKind parse(String text) {
        for (FailureKind k : values()) {
            if (k.text().equals(text)) {
                return k;
            }
        }
        return null;
    }

    public static String names() {
        return Arrays.stream(values()).map(FailureKind::text).collect(Collectors.joining(", "));
    }
}
