package solo.execution.webhook;

/** What became of an {@code http} action, after its retries. */
public sealed interface HttpOutcome {

    /** A 2xx answer. {@code body} is the response text (cut at 1 MB). */
    record Succeeded(int status, String body, int attempts) implements HttpOutcome {}

    /**
     * No 2xx answer. {@code status} is 0 when no answer came (timeout, connection refused). Retryable
     * failures (5xx, 429, timeouts) were already retried {@code attempts} times with backoff.
     */
    record Failed(int status, String reason, boolean retryable, int attempts) implements HttpOutcome {}

    /** Not sent: the URL is not in {@code hooks.outbound.allow}, or the call is malformed. */
    record Refused(String reason) implements HttpOutcome {}
}
