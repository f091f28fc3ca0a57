package solo.execution.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.util.Properties;
import solo.execution.secret.SecretResolver;

/** Angus Mail sessions for a configured server: timeouts, TLS mode, and the password resolved at the last moment. */
final class MailSessions {
    private MailSessions() {}

    static Session session(String protocol, MailServer server) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", server.host());
        p.put(prefix + "port", String.valueOf(server.port()));
        String millis = String.valueOf(server.timeout().toMillis());
        p.put(prefix + "connectiontimeout", millis);
        p.put(prefix + "timeout", millis);
        p.put(prefix + "writetimeout", millis);
        p.put(prefix + "auth", String.valueOf(server.user() != null));
        switch (server.tls()) {
            case TLS -> {
                p.put(prefix + "ssl.enable", "true");
                p.put(prefix + "ssl.checkserveridentity", "true");
            }
            case STARTTLS -> {
                p.put(prefix + "starttls.enable", "true");
                p.put(prefix + "starttls.required", "true");
                p.put(prefix + "ssl.checkserveridentity", "true");
            }
            case NONE -> { }
        }
        return Session.getInstance(p);
    }

    static String password(MailServer server, SecretResolver secrets) {
        return server.password() == null ? null : secrets.resolve(server.password());
    }

    /** A connected IMAP store; the caller closes it. */
    static Store imap(MailServer server, SecretResolver secrets) throws MessagingException {
        Store store = session("imap", server).getStore("imap");
        store.connect(server.host(), server.port(), server.user(), password(server, secrets));
        return store;
    }
}
