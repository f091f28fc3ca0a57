package solo.execution.email;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.HeaderTerm;
import java.util.Optional;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import solo.execution.secret.SecretResolver;

/**
 * SMTP through Angus Mail. A failure to connect or a refusal before the server accepted the message is
 * certain (not sent); a connection lost while the message was being handed over is not. After a crash,
 * a delivery is looked for by its Message-ID in the IMAP {@code sent_folder} when one is configured.
 */
final class SmtpTransport implements EmailTransport {
    private final MailServer smtp;
    private final Optional<MailServer> imap;
    private final Optional<String> sentFolder;
    private final SecretResolver secrets;

    SmtpTransport(MailServer smtp, Optional<MailServer> imap, Optional<String> sentFolder, SecretResolver secrets) {
        this.smtp = smtp;
        this.imap = imap;
        this.sentFolder = sentFolder;
        this.secrets = secrets;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void deliver(MimeMessage message, byte[] bytes, String token) throws Undelivered {
        Transport transport;
        try {
            transport = MailSessions.session("smtp", smtp).getTransport("smtp");
            transport.connect(smtp.host(), smtp.port(), smtp.user(), MailSessions.password(smtp, secrets));
        } catch (AuthenticationFailedException e) {
            throw new Undelivered("SMTP " + smtp.describe() + " refused the login: " + e.getMessage(), true, false, e);
        } catch (MessagingException e) {
            throw new Undelivered("cannot connect to SMTP " + smtp.describe() + ": " + e.getMessage(), true, true, e);
        }
        try (transport) {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException e) {
            Address[] sent = e.getValidSentAddresses();
            if (sent != null && sent.length > 0) {
                return; // accepted for some recipients: it went out, and must not go again
            }
            boolean temporary = e instanceof SMTPSendFailedException s && s.getReturnCode() / 100 == 4;
            throw new Undelivered("SMTP " + smtp.describe() + " refused the message: " + e.getMessage(), true, temporary, e);
        } catch (MessagingException e) {
            throw new Undelivered("SMTP " + smtp.describe() + ": connection lost while sending: " + e.getMessage(),
                    false, false, e);
        }
    }

    @Override
    public Presence check(String messageId, String token) {
        if (imap.isEmpty() || sentFolder.isEmpty()) {
            return new Presence(Presence.State.UNKNOWN, "no email.imap.sent_folder is configured to look for it");
        }
        String folderName = sentFolder.get();
        try (Store store = MailSessions.imap(imap.get(), secrets)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return new Presence(Presence.State.UNKNOWN, "IMAP folder '" + folderName + "' does not exist");
            }
            folder.open(Folder.READ_ONLY);
            try {
                for (Message m : folder.search(new HeaderTerm("Message-ID", messageId))) {
                    String[] ids = m.getHeader("Message-ID");
                    if (ids != null && java.util.Arrays.stream(ids).anyMatch(id -> id.trim().equals(messageId))) {
                        return new Presence(Presence.State.FOUND, "found in IMAP folder '" + folderName + "'");
                    }
                }
            } finally {
                folder.close(false);
            }
            // Absent from Sent is no proof: the copy may not have arrived yet.
            return new Presence(Presence.State.UNKNOWN, "not found in IMAP folder '" + folderName + "' of "
                    + imap.get().describe() + "; it may not have been sent, or its copy has not arrived yet");
        } catch (MessagingException | RuntimeException e) {
            return new Presence(Presence.State.UNKNOWN, "cannot look in IMAP folder '" + folderName + "': " + e.getMessage());
        }
    }
}
