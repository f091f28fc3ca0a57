package solo.support;

/** Text that should have been JSON was not; the message says what and where. */
public final class InvalidJsonException extends SoloException {
    public InvalidJsonException(String message) {
        super(message);
    }
}
