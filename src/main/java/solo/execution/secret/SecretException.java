package solo.execution.secret;

import solo.support.SoloException;

/** A secret that could not be stored or read. The message names the secret, never its value. */
public final class SecretException extends SoloException {
    public SecretException(String message) {
        super(message);
    }

    public SecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
