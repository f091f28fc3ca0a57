package solo.execution.model;

/** Why a model call failed, once its retries are spent. */
public enum FailureKind {
    /** 429 after every retry, or a Retry-After longer than Solo waits. */
    RATE_LIMITED(true),
    /** 5xx after every retry. */
    SERVER_ERROR(true),
    /** No answer within the timeout, after every retry. */
    TIMEOUT(true),
    /** The server could not be reached. */
    NETWORK(true),
    /** Any other HTTP status (400, 401, 404…): retrying would not help. */
    HTTP_ERROR(false),
    /** The provider's configuration is incomplete (an API key that is not set). */
    CONFIGURATION(false),
    /** The client library failed in a way Solo does not know. */
    CLIENT(false);

    private final boolean retryable;

    FailureKind(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether the runtime may retry the step later (a different minute may give a different answer). */
    public boolean retryable() {
        return retryable;
    }
}
