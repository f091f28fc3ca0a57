package solo.orchestration.inbox;

import java.time.Duration;

/** One recovery action of a playbook, in the order the playbook lists them. */
public sealed interface PlaybookAction {

    /** The action's name, as written in the playbook and typed in {@code solo inbox do ITEM NAME}. */
    String name();

    /** Whether taking it settles the item (notifying does not: the item waits on). */
    default boolean settles() {
        return true;
    }

    /**
     * Runs the failed run again from its failure. Taken by itself, at most {@code attempts} times for one run,
     * the n-th after {@code after} × 2<sup>n-1</sup> (capped at a day); by the operator, at once.
     */
    record Retry(Duration after, int attempts) implements PlaybookAction {
        public String name() {
            return "retry";
        }

        Duration delay(long taken) {
            Duration d = after.multipliedBy(1L << Math.min(20, taken));
            return d.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : d;
        }
    }

    /** Runs the failed agent step again on another model tier; at most {@code attempts} times by itself. */
    record RetryOnTier(String tier, int attempts) implements PlaybookAction {
        public String name() {
            return "retry_on_tier";
        }
    }

    /** A new run from step {@code from} with the input the operator edits (never taken by itself). */
    record Fork(String from) implements PlaybookAction {
        public String name() {
            return "fork";
        }
    }

    /** Reverts the state writes the run made, by new events, and marks it rolled back. */
    record Compensate() implements PlaybookAction {
        public String name() {
            return "compensate";
        }
    }

    /** Gives the run up. */
    record Cancel() implements PlaybookAction {
        public String name() {
            return "cancel";
        }
    }

    /** Tells the operator by email (their address in solo.yaml); the item stays in the inbox. */
    record Notify(String message) implements PlaybookAction {
        public String name() {
            return "notify";
        }

        @Override
        public boolean settles() {
            return false;
        }
    }
}
