package solo.execution.email;

import java.time.Instant;
import java.util.List;

/**
 * An {@code email.received} event: a message read from the mailbox and stored as an artifact. Its content
 * is untrusted data from outside; a flow may read it, never take it as instructions. {@code fromName} is the
 * sender's display name, null when the message has none.
 */
public record EmailReceived(
        String artifactId,
        String messageId,
        String threadId,
        String from,
        String fromName,
        List<String> to,
        String subject,
        List<String> entityIds,
        String source,
        Instant receivedAt) {}
