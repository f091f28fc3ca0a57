package solo.execution.email;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a MIME message into {@link EmailContent}: the plain-text body (or the HTML body with its tags
 * removed), and text attachments up to a size. Nothing in the message is executed or followed.
 */
final class MimeReader {
    static final int MAX_TEXT_CHARS = 256 * 1024;

    private final List<EmailContent.Attachment> attachments = new ArrayList<>();
    private String plain;
    private String html;

    private MimeReader() {}

    static EmailContent read(MimeMessage m, String fallbackId) {
        try {
            MimeReader r = new MimeReader();
            r.walk(m);
            String body = r.plain != null ? r.plain : r.html != null ? stripHtml(r.html) : "";
            String id = header(m, "Message-ID");
            return new EmailContent(id != null ? id : fallbackId, first(m.getFrom()), displayName(m.getFrom()),
                    addresses(m.getRecipients(Message.RecipientType.TO)), addresses(m.getRecipients(Message.RecipientType.CC)),
                    addresses(m.getReplyTo()),
                    m.getSubject(), m.getSentDate() == null ? null : m.getSentDate().toInstant(),
                    firstId(header(m, "In-Reply-To")), ids(header(m, "References")), cap(body), List.copyOf(r.attachments));
        } catch (MessagingException | IOException e) {
            throw new EmailException("cannot read the email: " + e.getMessage(), e);
        }
    }

    private void walk(Part part) throws MessagingException, IOException {
        String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
        boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                walk(child);
            }
        } else if (attachment) {
            String name = part.getFileName() == null ? "attachment" : MimeUtility.decodeText(part.getFileName());
            byte[] bytes = readAll(part);
            String text = isText(type) ? cap(new String(bytes, charset(part))) : null;
            attachments.add(new EmailContent.Attachment(name, type.split(";")[0].trim(), bytes.length, text));
        } else if (part.isMimeType("text/plain") && plain == null) {
            plain = String.valueOf(part.getContent());
        } else if (part.isMimeType("text/html") && html == null) {
            html = String.valueOf(part.getContent());
        }
    }

    private static boolean isText(String type) {
        return type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/xml")
                || type.startsWith("application/csv");
    }

    private static java.nio.charset.Charset charset(Part part) {
        try {
            String cs = new jakarta.mail.internet.ContentType(part.getContentType()).getParameter("charset");
            return cs == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(MimeUtility.javaCharset(cs));
        } catch (MessagingException | RuntimeException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static byte[] readAll(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            return in.readNBytes(16 * 1024 * 1024);
        }
    }

    static String stripHtml(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                .replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&").replaceAll("[ \\t]+", " ").trim();
    }

    private static String cap(String text) {
        return text.length() <= MAX_TEXT_CHARS ? text : text.substring(0, MAX_TEXT_CHARS) + "\n[… cut at " + MAX_TEXT_CHARS + " characters]";
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null || values.length == 0 ? null : values[0].trim();
    }

    /** The first sender's display name ("Ada Park" in {@code Ada Park <ada@example.com>}), or null. */
    private static String displayName(Address[] addresses) {
        if (addresses != null && addresses.length > 0 && addresses[0] instanceof InternetAddress ia
                && ia.getPersonal() != null && !ia.getPersonal().isBlank()) {
            return ia.getPersonal().strip();
        }
        return null;
    }

    private static String first(Address[] addresses) {
        List<String> all = addresses(addresses);
        return all.isEmpty() ? null : all.getFirst();
    }

    static List<String> addresses(Address[] addresses) {
        if (addresses == null) {
            return List.of();
        }
        return Arrays.stream(addresses).filter(a -> a instanceof InternetAddress)
                .map(a -> ((InternetAddress) a).getAddress()).filter(a -> a != null && !a.isBlank()).toList();
    }

    /** Message-IDs in a header: each {@code <...>} in order. */
    static List<String> ids(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(header);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    private static String firstId(String header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
