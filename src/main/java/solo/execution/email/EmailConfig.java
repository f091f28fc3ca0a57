package solo.execution.email;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import solo.company.Company;
import solo.execution.secret.ConfigSection;

/**
 * The {@code email} section of solo.yaml. With {@code smtp} absent, mail goes to the outbox folder. An
 * {@code imap} account is read by the poller, and its {@code sent_folder} is where a send whose outcome a
 * crash left unknown is looked for by its Message-ID. {@code maildir} is the alternative to IMAP.
 *
 * <pre>
 * email:
 *   from: "Ada Park &lt;ada@acme.example&gt;"
 *   smtp: {host: smtp.acme.example, port: 587, tls: starttls, user: ada@acme.example, password: secret:SMTP_PASSWORD}
 *   imap: {host: imap.acme.example, user: ada@acme.example, password: secret:IMAP_PASSWORD, folder: INBOX, sent_folder: Sent}
 * </pre>
 */
public record EmailConfig(
        InternetAddress from,
        String messageIdDomain,
        Path outbox,
        Optional<MailServer> smtp,
        boolean bccSelf,
        Optional<MailServer> imap,
        String imapFolder,
        Optional<String> sentFolder,
        Optional<Path> maildir,
        Duration pollInterval) {

    public static final String DEFAULT_FROM = "solo@solo.local";

    public static EmailConfig read(Company company) {
        ConfigSection s = ConfigSection.of(company.config(), "email")
                .only("from", "message_id_domain", "outbox", "smtp", "imap", "maildir", "poll_seconds");
        InternetAddress from = address(s, s.text("from", DEFAULT_FROM));
        String domain = s.text("message_id_domain", "solo.local");
        if (!domain.matches("[A-Za-z0-9.-]{1,253}")) {
            throw s.error("/message_id_domain", "must be a domain name such as acme.example");
        }
        Path outbox = company.dir().resolve(s.text("outbox", ".solo/outbox")).normalize();
        ConfigSection smtp = s.child("smtp").only("host", "port", "tls", "user", "password", "timeout_seconds", "bcc_self");
        ConfigSection imap = s.child("imap").only("host", "port", "tls", "user", "password", "timeout_seconds",
                "folder", "sent_folder");
        String maildir = s.text("maildir", null);
        if (imap.present() && maildir != null) {
            throw s.error("/maildir", "cannot be used together with email.imap: choose one inbound source");
        }
        return new EmailConfig(from, domain, outbox,
                smtp.present() ? Optional.of(MailServer.read(smtp, 465, 587)) : Optional.empty(),
                smtp.present() && smtp.bool("bcc_self", false),
                imap.present() ? Optional.of(MailServer.read(imap, 993, 143)) : Optional.empty(),
                imap.text("folder", "INBOX"),
                Optional.ofNullable(imap.text("sent_folder", null)),
                Optional.ofNullable(maildir).map(m -> company.dir().resolve(m).normalize()),
                s.seconds("poll_seconds", Duration.ofSeconds(60), 5, 86_400));
    }

    private static InternetAddress address(ConfigSection s, String text) {
        try {
            return new InternetAddress(text, true);
        } catch (AddressException e) {
            throw s.error("/from", "is not an email address: " + e.getMessage());
        }
    }

    /** The bare address Solo sends from (ada@acme.example). */
    public String fromAddress() {
        return from.getAddress();
    }
}
