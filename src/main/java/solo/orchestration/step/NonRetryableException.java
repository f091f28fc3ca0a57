package solo.orchestration.step;

import solo.support.SoloException;

/** Thrown by a step to say that trying again cannot help: the step fails at once. */
public class NonRetryableException extends SoloException {
    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
