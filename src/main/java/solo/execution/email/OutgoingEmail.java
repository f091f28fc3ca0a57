package solo.execution.email;

import java.util.List;
import java.util.Objects;
import solo.support.Json;

/**
 * An email to send, as a flow step asks for it. {@code from} may be null for the configured sender;
 * {@code inReplyTo} (a Message-ID) keeps a reply in its thread; {@code entityIds} are entities to attach
 * the sent message to besides those whose address matches a recipient.
 */
public record OutgoingEmail(
        String from,
        List<String> to,
        List<String> cc,
        String subject,
        String text,
        String inReplyTo,
        List<String> entityIds) {

    public OutgoingEmail {
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        cc = cc == null ? List.of() : List.copyOf(cc);
        entityIds = entityIds == null ? List.of() : List.copyOf(entityIds);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (to.isEmpty()) {
            throw new EmailException("an email needs at least one recipient");
        }
    }

    public static OutgoingEmail of(String to, String subject, String text) {
        return new OutgoingEmail(null, List.of(to), List.of(), subject, text, null, List.of());
    }

    public OutgoingEmail inReplyTo(String messageId) {
        return new OutgoingEmail(from, to, cc, subject, text, messageId, entityIds);
    }

    public OutgoingEmail attachedTo(List<String> ids) {
        return new OutgoingEmail(from, to, cc, subject, text, inReplyTo, ids);
    }

    /** What the idempotency key is bound to: a second send under the same key must be this same email. */
    String digest() {
        return solo.state.audit.HashChain.sha256(Json.write(this));
    }
}
