package solo.execution.email;

import java.time.Instant;

/**
 * What became of {@link EmailSender#send}. Only {@link Failed} with {@code retryable} invites another try;
 * {@link OutcomeUnknown} must go to the operator (the runtime escalates it), never be retried blindly.
 */
public sealed interface SendOutcome {

    String messageId();

    /** Delivered now (to the SMTP server, or into the outbox folder). */
    record Sent(String messageId, String transport, String artifactId, Instant at) implements SendOutcome {}

    /**
     * This idempotency key was delivered before; nothing was sent now. {@code recovered} is true when the
     * delivery was found by checking (outbox file, Sent folder) after a crash left it unrecorded.
     */
    record AlreadySent(String messageId, String transport, String artifactId, boolean recovered)
            implements SendOutcome {}

    /**
     * A previous attempt may or may not have gone out, and the transport cannot tell: nothing was sent now.
     * Settle it with {@link EmailSender#settle} once the operator knows.
     */
    record OutcomeUnknown(String messageId, String transport, String reason) implements SendOutcome {}

    /** Certainly not sent. {@code retryable} is false for refusals that a retry would meet again. */
    record Failed(String messageId, String transport, String reason, boolean retryable) implements SendOutcome {}
}
