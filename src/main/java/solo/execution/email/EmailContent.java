package solo.execution.email;

import java.time.Instant;
import java.util.List;

/**
 * One email as Solo stores it, whichever way it went: the headers that matter, its text body, and the
 * text of its text attachments ({@code fromName}: the sender's display name, null when the header has none).
 * Inbound content is untrusted data: it is stored and shown, never obeyed.
 */
record EmailContent(
        String messageId,
        String from,
        String fromName,
        List<String> to,
        List<String> cc,
        List<String> replyTo,
        String subject,
        Instant date,
        String inReplyTo,
        List<String> references,
        String body,
        List<Attachment> attachments) {

    /** An attachment; {@code text} is null for binary content, which is listed but not kept. */
    record Attachment(String name, String mediaType, long size, String text) {}

    /** Every address on the message (from, reply-to, to, cc), for matching entities. */
    List<String> participants() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (from != null) {
            all.add(from);
        }
        all.addAll(replyTo);
        all.addAll(to);
        all.addAll(cc);
        return List.copyOf(all);
    }

    String title() {
        return subject == null || subject.isBlank() ? "(no subject)" : subject;
    }

    /** The indexed text: the headers a reader needs, the body, then each text attachment. */
    String text() {
        StringBuilder sb = new StringBuilder();
        sb.append("From: ").append(from == null ? "" : from).append('\n');
        sb.append("To: ").append(String.join(", ", to)).append('\n');
        if (!cc.isEmpty()) {
            sb.append("Cc: ").append(String.join(", ", cc)).append('\n');
        }
        if (date != null) {
            sb.append("Date: ").append(date).append('\n');
        }
        sb.append("Subject: ").append(title()).append("\n\n").append(body == null ? "" : body);
        for (Attachment a : attachments) {
            if (a.text() != null) {
                sb.append("\n\n--- attachment ").append(a.name()).append(" ---\n").append(a.text());
            }
        }
        return sb.toString();
    }
}
