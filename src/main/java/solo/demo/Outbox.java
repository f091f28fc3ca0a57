package solo.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The local outbox as the demo shows it: one line per message, who it went to and what about. */
final class Outbox {
    private Outbox() {}

    static List<String> describe(Path dir) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return lines;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    var m = new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new Properties()), in);
                    lines.add(String.format("To: %-28s Subject: %s", String.join(", ", addresses(m)), m.getSubject()));
                } catch (jakarta.mail.MessagingException e) {
                    lines.add(f.getFileName() + " (unreadable: " + e.getMessage() + ")");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static List<String> addresses(jakarta.mail.internet.MimeMessage m) throws jakarta.mail.MessagingException {
        List<String> out = new ArrayList<>();
        var to = m.getRecipients(jakarta.mail.Message.RecipientType.TO);
        if (to != null) {
            for (var a : to) {
                out.add(a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString());
            }
        }
        return out;
    }
}
