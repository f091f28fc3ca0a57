package solo.execution.email;

import solo.support.SoloException;

/** Email that could not be built, sent or read; the message says what and where. */
public final class EmailException extends SoloException {
    public EmailException(String message) {
        super(message);
    }

    public EmailException(String message, Throwable cause) {
        super(message, cause);
    }
}
