package solo.execution.email;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Builds outgoing MIME messages (Angus Mail) with a fixed Message-ID, and reads raw messages back. */
final class MimeMessages {
    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeMessages() {}

    /** A message whose Message-ID stays the one given: Angus would otherwise make a random one on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    static MimeMessage build(OutgoingEmail email, InternetAddress defaultFrom, String messageId, List<String> references,
            Instant date, String bcc) {
        try {
            MimeMessage m = new FixedIdMessage(SESSION, messageId);
            m.setFrom(email.from() == null ? defaultFrom : address(email.from(), "from"));
            m.setRecipients(Message.RecipientType.TO, addresses(email.to(), "to"));
            if (!email.cc().isEmpty()) {
                m.setRecipients(Message.RecipientType.CC, addresses(email.cc(), "cc"));
            }
            if (bcc != null) {
                m.setRecipients(Message.RecipientType.BCC, new InternetAddress[] {new InternetAddress(bcc)});
            }
            m.setSubject(email.subject(), "UTF-8");
            m.setText(email.text(), "UTF-8");
            m.setSentDate(Date.from(date));
            if (email.inReplyTo() != null) {
                m.setHeader("In-Reply-To", email.inReplyTo());
                m.setHeader("References", String.join(" ", references));
            }
            m.setHeader("Auto-Submitted", "auto-generated");
            m.saveChanges();
            return m;
        } catch (MessagingException e) {
            throw new EmailException("cannot build the email '" + email.subject() + "': " + e.getMessage(), e);
        }
    }

    static InternetAddress address(String text, String field) {
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw new EmailException(field + ": '" + text + "' is not an email address: " + e.getMessage());
        }
    }

    private static InternetAddress[] addresses(List<String> texts, String field) {
        return texts.stream().map(t -> address(t, field)).toArray(InternetAddress[]::new);
    }

    /** The bytes as they go on the wire (and into the outbox file). Bcc is not written, as on the wire. */
    static byte[] bytes(MimeMessage m) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            m.writeTo(out, new String[] {"Bcc"});
            return out.toByteArray();
        } catch (IOException | MessagingException e) {
            throw new EmailException("cannot write the email: " + e.getMessage(), e);
        }
    }

    static MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new EmailException("not a readable email message: " + e.getMessage(), e);
        }
    }

    static String text(byte[] raw) {
        return new String(raw, StandardCharsets.UTF_8);
    }
}
