package solo.orchestration.action;

import solo.orchestration.step.NonRetryableException;

/** The {@link ActionGuard} refused an action. */
public final class ActionDeniedException extends NonRetryableException {
    private final String reason;

    public ActionDeniedException(String action, String reason) {
        super(action + " denied: " + reason);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
