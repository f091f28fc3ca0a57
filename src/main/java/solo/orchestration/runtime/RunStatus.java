package solo.orchestration.runtime;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The states of a run, and the one table of transitions between them. Every change of a run's status
 * goes through {@link #check}; anything not in the table is an {@link IllegalTransitionException}.
 */
public enum RunStatus {
    /** Ready to be claimed by a worker. */
    QUEUED,
    /** Leased by a worker that is executing its steps. */
    RUNNING,
    /** Parked until a time, the operator, or a child run; a worker claims it again when woken. */
    WAITING,
    COMPLETED,
    FAILED,
    CANCELLED,
    /** Finished, and every state write it made was reverted by new events ({@code solo runs rollback}). */
    ROLLED_BACK;

    private static final Map<RunStatus, Set<RunStatus>> NEXT = new EnumMap<>(RunStatus.class);

    static {
        //        from      to
        NEXT.put(QUEUED, EnumSet.of(RUNNING, CANCELLED));
        NEXT.put(RUNNING, EnumSet.of(RUNNING, // a dead worker's lease taken over
                QUEUED, // released by a worker that shuts down
                WAITING, COMPLETED, FAILED, CANCELLED));
        NEXT.put(WAITING, EnumSet.of(RUNNING, // its time came
                QUEUED, // the operator answered, or its child run finished
                FAILED, CANCELLED));
        NEXT.put(FAILED, EnumSet.of(QUEUED, // retried from the failure
                WAITING, // retried after a backoff (a playbook)
                CANCELLED, // given up
                ROLLED_BACK));
        NEXT.put(COMPLETED, EnumSet.of(ROLLED_BACK));
        NEXT.put(CANCELLED, EnumSet.of(ROLLED_BACK));
        NEXT.put(ROLLED_BACK, EnumSet.noneOf(RunStatus.class));
    }

    public static Map<RunStatus, Set<RunStatus>> table() {
        return NEXT;
    }

    public boolean canBecome(RunStatus next) {
        return NEXT.get(this).contains(next);
    }

    public void check(String runId, RunStatus next) {
        if (!canBecome(next)) {
            throw new IllegalTransitionException("run " + runId, this.text(), next.text());
        }
    }

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == ROLLED_BACK;
    }

    public String text() {
        return name().toLowerCase();
    }

    public static RunStatus of(String text) {
        return valueOf(text.toUpperCase());
    }
}
