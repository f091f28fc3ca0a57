package solo.execution.webhook;

import java.time.Instant;

/** What became of one {@code POST /hooks/NAME}, with the HTTP status the server should answer. */
public sealed interface HookVerdict {

    int status();

    /** Signature good, delivery new: recorded, and the listeners (triggers) heard of it. */
    record Accepted(HookDelivery delivery) implements HookVerdict {
        @Override
        public int status() {
            return 202;
        }
    }

    /** Signature good, but this delivery id was accepted before: nothing new was started. */
    record Replayed(String hook, String deliveryId, Instant firstReceivedAt) implements HookVerdict {
        @Override
        public int status() {
            return 200;
        }
    }

    /** Refused, nothing recorded: {@code reason} says why, in words fit to send back to the caller. */
    record Refused(int status, String reason) implements HookVerdict {}
}
