package solo.orchestration.action;

import solo.orchestration.step.DetailedFailure;
import solo.orchestration.step.NonRetryableException;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/** The {@link ActionGuard} refused an action; the step records the decision and its reason. */
public final class ActionDeniedException extends NonRetryableException implements DetailedFailure {
    private final String reason;
    private final ObjectNode detail;

    public ActionDeniedException(String action, String reason) {
        this(action, reason, null);
    }

    public ActionDeniedException(String action, String reason, ObjectNode more) {
        super(action + " denied: " + reason);
        this.reason = reason;
        this.detail = Json.object().put("decision", "deny").put("reason", reason);
        if (more != null) {
            detail.setAll(more);
        }
    }

    public String reason() {
        return reason;
    }

    @Override
    public ObjectNode detail() {
        return detail.deepCopy();
    }
}
