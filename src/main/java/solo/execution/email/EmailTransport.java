package solo.execution.email;

import jakarta.mail.internet.MimeMessage;

/** Where sent mail goes: the SMTP server, or the local outbox folder. One send path uses either. */
sealed interface EmailTransport permits OutboxTransport, SmtpTransport {

    /** {@code outbox} or {@code smtp}, as recorded with each send. */
    String name();

    /** Hands the message over; throws {@link Undelivered} saying whether it certainly did not go. */
    void deliver(MimeMessage message, byte[] bytes, String token) throws Undelivered;

    /** Looks for an earlier delivery of this message, after a crash left its outcome unrecorded. */
    Presence check(String messageId, String token);

    /** What a check found. {@code ABSENT} is a proof that it was not delivered; {@code UNKNOWN} is not. */
    record Presence(State state, String detail) {
        enum State { FOUND, ABSENT, UNKNOWN }
    }

    /** A delivery that failed: {@code certain} when the message surely did not go out. */
    final class Undelivered extends Exception {
        final boolean certain;
        final boolean retryable;

        Undelivered(String message, boolean certain, boolean retryable, Throwable cause) {
            super(message, cause);
            this.certain = certain;
            this.retryable = retryable;
        }
    }
}
