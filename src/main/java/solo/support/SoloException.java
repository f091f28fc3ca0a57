package solo.support;

/**
 * The base of every error Solo reports to the operator. Its message is one line that names
 * what was wrong and where (file, line, field, rule); interfaces print it as it is.
 */
public class SoloException extends RuntimeException {
    public SoloException(String message) {
        super(message);
    }

    public SoloException(String message, Throwable cause) {
        super(message, cause);
    }
}
