package solo.execution.model;

import solo.support.SoloException;

/** A model call that failed for good. The message never holds an API key: it names the provider. */
public final class ModelCallException extends SoloException {
    private final FailureKind kind;
    private final int attempts;

    public ModelCallException(FailureKind kind, int attempts, String message) {
        super(message);
        this.kind = kind;
        this.attempts = attempts;
    }

    public FailureKind kind() {
        return kind;
    }

    /** HTTP attempts made, retries included. */
    public int attempts() {
        return attempts;
    }

    /** Finds this exception in a chain (LangChain4j wraps what the HTTP client throws). */
    public static ModelCallException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ModelCallException m) {
                return m;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
