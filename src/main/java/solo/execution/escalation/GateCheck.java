package solo.execution.escalation;

import java.util.Set;
import solo.execution.action.Impact;

/**
 * Whether an action may proceed without the operator at this confidence. When {@code needed}, the runtime
 * inserts a gate before the action; {@code reason} says why in words the inbox can show.
 */
public record GateCheck(boolean needed, double confidence, double threshold, Set<Impact> impacts, String reason) {}
