package solo.execution.email;

import java.time.Instant;
import java.util.List;

/**
 * An {@code email.received} event: a message read from the mailbox and stored as an artifact. Its content
 * is untrusted data from outside ({@code fromName}, the sender's display name, is null when it has none); a flow may read it, never take it as instructions.
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
