package solo.orchestration.action;

import solo.orchestration.step.NonRetryableException;

/** An action's input lacks a field or has the wrong shape: trying again cannot help. */
public final class InvalidActionInputException extends NonRetryableException {
    public InvalidActionInputException(String message) {
        super(message);
    }
}
