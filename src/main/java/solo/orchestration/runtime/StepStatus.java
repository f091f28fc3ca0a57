package solo.orchestration.runtime;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a step in the step log, and the one table of transitions between them. A step with no
 * row yet is {@link #PENDING}. Every checkpoint goes through {@link #check}.
 */
public enum StepStatus {
    PENDING,
    /** An attempt of an action with outside effects began (written before the effect). */
    RUNNING,
    /** An attempt failed and another follows after {@code wake_at}. */
    RETRYING,
    /** Waits for a time, the operator (a gate, an approval, an unknown outcome) or a child run. */
    WAITING,
    DONE,
    SKIPPED,
    FAILED,
    /** A crash left an outside effect's outcome unknown and its action could not check it: the operator decides. */
    UNKNOWN;

    private static final Map<StepStatus, Set<StepStatus>> NEXT = new EnumMap<>(StepStatus.class);

    static {
        NEXT.put(PENDING, EnumSet.of(RUNNING, RETRYING, WAITING, DONE, SKIPPED, FAILED));
        NEXT.put(RUNNING, EnumSet.of(RUNNING, RETRYING, WAITING, DONE, FAILED, UNKNOWN));
        NEXT.put(RETRYING, EnumSet.of(RUNNING, RETRYING, WAITING, DONE, FAILED));
        NEXT.put(WAITING, EnumSet.of(PENDING, // approved: run the action now
                RUNNING, DONE, FAILED, WAITING));
        NEXT.put(UNKNOWN, EnumSet.of(DONE, // the operator says it happened
                PENDING)); // the operator says it did not: run it again
        NEXT.put(FAILED, EnumSet.of(PENDING)); // the run is retried from here
        NEXT.put(DONE, EnumSet.noneOf(StepStatus.class));
        NEXT.put(SKIPPED, EnumSet.noneOf(StepStatus.class));
    }

    public static Map<StepStatus, Set<StepStatus>> table() {
        return NEXT;
    }

    public void check(String where, StepStatus next) {
        if (!NEXT.get(this).contains(next)) {
            throw new IllegalTransitionException(where, text(), next.text());
        }
    }

    public boolean finished() {
        return this == DONE || this == SKIPPED;
    }

    public String text() {
        return name().toLowerCase();
    }

    public static StepStatus of(String text) {
        return valueOf(text.toUpperCase());
    }
}
