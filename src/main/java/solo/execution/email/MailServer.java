package solo.execution.email;

import java.time.Duration;
import solo.execution.secret.ConfigSection;

/**
 * An SMTP or IMAP server as configured in solo.yaml. {@code password} is a reference
 * ({@code secret:NAME}), resolved only when connecting.
 */
public record MailServer(String host, int port, Tls tls, String user, String password, Duration timeout) {

    /** {@code tls}: implicit TLS from the first byte; {@code starttls}: upgrade, required; {@code none}: plain (local servers). */
    public enum Tls { TLS, STARTTLS, NONE }

    static MailServer read(ConfigSection s, int tlsPort, int starttlsPort) {
        String host = s.requiredText("host");
        Tls tls = Tls.valueOf(s.choice("tls", "starttls", "tls", "starttls", "none").toUpperCase());
        int port = s.integer("port", tls == Tls.TLS ? tlsPort : starttlsPort, 1, 65535);
        String user = s.text("user", null);
        String password = s.reference("password");
        if (password != null && user == null) {
            throw s.error("/user", "is required when a password is given");
        }
        return new MailServer(host, port, tls, user, password, s.seconds("timeout_seconds", Duration.ofSeconds(30), 1, 600));
    }

    /** For logs and messages: host and port, never the credentials. */
    public String describe() {
        return host + ":" + port;
    }
}
