package solo.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * Real SMTP and IMAP servers (GreenMail) on 127.0.0.1 at free ports, with the company's own mailbox
 * {@link #OWN} (IMAP password {@link #PASSWORD}). Stop it with {@link #close()}.
 */
public final class TestMail implements AutoCloseable {
    public static final String OWN = "solo@acme.test";
    public static final String PASSWORD = "imap-pw-5c2e";
    private final GreenMail mail;

    private TestMail(GreenMail mail) {
        this.mail = mail;
    }

    public static TestMail start() {
        GreenMail mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        mail.setUser(OWN, OWN, PASSWORD);
        return new TestMail(mail);
    }

    public GreenMail greenMail() {
        return mail;
    }

    public int smtpPort() {
        return mail.getSmtp().getPort();
    }

    public int imapPort() {
        return mail.getImap().getPort();
    }

    /**
     * The {@code email} section for solo.yaml: SMTP with a Bcc to our own mailbox, and IMAP on that
     * mailbox (password {@code secret:IMAP_PASSWORD}), its INBOX standing in for the Sent folder when
     * {@code sentCheck}.
     */
    public String emailSection(boolean smtp, boolean sentCheck) {
        return "email:\n"
                + "  from: \"Solo Test <" + OWN + ">\"\n"
                + (smtp ? "  smtp: {host: 127.0.0.1, port: " + smtpPort() + ", tls: none, timeout_seconds: 10, bcc_self: true}\n" : "")
                + "  imap: {host: 127.0.0.1, port: " + imapPort() + ", tls: none, user: " + OWN
                + ", password: secret:IMAP_PASSWORD" + (sentCheck ? ", sent_folder: INBOX" : "") + "}\n";
    }

    /** Puts a raw RFC 822 message into our own INBOX, as if it had arrived. */
    public void deliverToOwnInbox(String raw) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            mail.getUserManager().getUser(OWN).deliver(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The messages in one mailbox: what that recipient got. */
    public List<MimeMessage> mailbox(String address) {
        return mail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    public int receivedCount() {
        return mail.getReceivedMessages().length;
    }

    @Override
    public void close() {
        mail.stop();
    }
}
