package solo.orchestration.inbox;

import java.time.Instant;
import java.util.List;

/**
 * One thing in the operator's inbox: a step waiting for them, or a run that failed by itself.
 *
 * @param stepId the waiting step, or the failed one (empty when the run failed outside its steps)
 * @param kind what it waits for: {@code gate}, {@code approval}, {@code task}, {@code budget}, {@code outcome}, or {@code failure}
 * @param title one line saying what it is
 * @param impact business impact as a number (higher first); {@code impacts} the words it comes from
 * @param dueAt a gate's deadline, after which {@code defaultDecision} is taken; null without one
 * @param snoozedUntil hidden from the queue until then; null when not snoozed
 * @param decision how it was settled (null while open), and by whom
 */
public record InboxItem(
        String id,
        String runId,
        String stepId,
        String kind,
        String flow,
        String title,
        int impact,
        List<String> impacts,
        Instant dueAt,
        String defaultDecision,
        Instant openedAt,
        Instant closedAt,
        boolean open,
        Instant snoozedUntil,
        String decision,
        String decidedBy) {

    public static final String FAILURE = "failure";

    public boolean isFailure() {
        return FAILURE.equals(kind);
    }
}
