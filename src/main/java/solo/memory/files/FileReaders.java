package solo.memory.files;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;
import solo.state.Change;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the files memory ingests into artifacts: Markdown and plain text (kind {@code note}), emails
 * ({@code .eml}: headers, the text body, text attachments as artifacts of their own, kind {@code email}
 * and {@code attachment}), PDFs (text through Apache PDFBox, kind {@code document}, with the offset where
 * each page starts). Anything it cannot read is refused with the file named and why; nothing is written
 * by reading. Ids are derived from the bytes and the entities, so ingesting the same file again is
 * recognised, and a crash halfway through a batch can simply be run again.
 */
public final class FileReaders {
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final int MAX_ATTACHMENT_CHARS = 1024 * 1024;

    private FileReaders() {}

    public static IngestFile read(Path file, List<String> entityIds) {
        if (!Files.isRegularFile(file)) {
            throw new FileRefusedException(file, Files.exists(file) ? "not a regular file" : "no such file");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new FileRefusedException(file, "larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new FileRefusedException(file, "cannot read: " + e.getMessage());
        }
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String id = "file_" + sha256(String.join(",", entityIds.stream().sorted().toList()), bytes).substring(0, 24);
        return switch (ext) {
            case "pdf" -> pdf(file, bytes, id, entityIds);
            case "eml" -> email(file, bytes, id, entityIds);
            case "md", "markdown" -> text(file, bytes, id, entityIds, "text/markdown", markdownTitle(file, bytes));
            case "txt", "text" -> text(file, bytes, id, entityIds, "text/plain", name);
            default -> {
                if (utf8(bytes) == null) {
                    throw new FileRefusedException(file, "unsupported file type (ingest reads .md, .txt, .eml and .pdf, and other UTF-8 text)");
                }
                yield text(file, bytes, id, entityIds, "text/plain", name);
            }
        };
    }

    private static IngestFile text(Path file, byte[] bytes, String id, List<String> entities, String mediaType, String title) {
        String text = utf8(bytes);
        if (text == null) {
            throw new FileRefusedException(file, "not UTF-8 text");
        }
        if (text.isBlank()) {
            throw new FileRefusedException(file, "empty: nothing to remember");
        }
        ObjectNode m = Json.object().put("source", file.toString());
        return new IngestFile(file, mediaType.equals("text/markdown") ? "markdown" : "text", List.of(new Change.AddArtifact(
                id, "note", title, text, file.getFileName().toString(), mediaType, null, m, entities)));
    }

    private static String markdownTitle(Path file, byte[] bytes) {
        String text = utf8(bytes);
        if (text != null) {
            for (String line : text.split("\n", 50)) {
                if (line.startsWith("# ")) {
                    return line.substring(2).strip();
                }
            }
        }
        return file.getFileName().toString();
    }

    static IngestFile pdf(Path file, byte[] bytes, String id, List<String> entities) {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            if (doc.isEncrypted() && !doc.getCurrentAccessPermission().canExtractContent()) {
                throw new FileRefusedException(file, "encrypted PDF: its text cannot be extracted");
            }
            PDFTextStripper stripper = new PDFTextStripper();
            StringBuilder text = new StringBuilder();
            ArrayNode pages = Json.mapper().createArrayNode();
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(text.length());
                text.append(stripper.getText(doc).strip()).append("\n\n");
            }
            String body = text.toString().strip();
            if (body.isEmpty()) {
                throw new FileRefusedException(file, "PDF has no text layer (a scan?): nothing to index");
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            ObjectNode m = Json.object().put("source", file.toString()).put("pages", doc.getNumberOfPages());
            m.set("page_offsets", pages);
            if (info != null && info.getAuthor() != null && !info.getAuthor().isBlank()) {
                m.put("author", info.getAuthor().strip());
            }
            if (info != null && info.getCreationDate() != null) {
                m.put("time", info.getCreationDate().toInstant().toString());
            }
            String title = info != null && info.getTitle() != null && !info.getTitle().isBlank() ? info.getTitle().strip()
                    : file.getFileName().toString();
            return new IngestFile(file, "pdf", List.of(new Change.AddArtifact(id, "document", title, body,
                    file.getFileName().toString(), "application/pdf", bytes, m, entities)));
        } catch (InvalidPasswordException e) {
            throw new FileRefusedException(file, "encrypted PDF: a password is needed");
        } catch (IOException e) {
            throw new FileRefusedException(file, "not a readable PDF (" + e.getMessage() + ")");
        }
    }

    static IngestFile email(Path file, byte[] bytes, String id, List<String> entities) {
        try {
            MimeMessage msg = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(bytes));
            String from = first(msg.getFrom());
            String subject = msg.getSubject();
            if (from == null && subject == null && msg.getSentDate() == null) {
                throw new FileRefusedException(file, "not an email: no From, Subject or Date header");
            }
            Body body = new Body();
            body.walk(msg);
            String text = body.plain != null ? body.plain : body.html != null ? stripHtml(body.html) : "";
            String messageId = header(msg, "Message-ID");
            List<String> refs = idsIn(header(msg, "References"));
            List<String> inReplyTo = idsIn(header(msg, "In-Reply-To"));
            String thread = !refs.isEmpty() ? refs.getFirst() : !inReplyTo.isEmpty() ? inReplyTo.getFirst()
                    : messageId != null ? messageId : id;
            ObjectNode m = Json.object().put("source", file.toString()).put("message_id", messageId).put("from", from)
                    .put("subject", subject).put("thread_id", thread);
            m.set("to", strings(addresses(msg.getRecipients(MimeMessage.RecipientType.TO))));
            m.set("cc", strings(addresses(msg.getRecipients(MimeMessage.RecipientType.CC))));
            if (msg.getSentDate() != null) {
                m.put("date", msg.getSentDate().toInstant().toString());
            }
            ArrayNode names = m.putArray("attachments");
            body.attachments.forEach(a -> names.add(a.name()));
            String shown = text.isBlank() && subject != null ? subject : text;
            if (shown.isBlank() && body.attachments.isEmpty()) {
                throw new FileRefusedException(file, "email has no text body and no text attachment: nothing to index");
            }
            List<Change.AddArtifact> out = new ArrayList<>();
            out.add(new Change.AddArtifact(id, "email", subject == null ? file.getFileName().toString() : subject,
                    shown.isBlank() ? "(no text body)" : shown, file.getFileName().toString(), "message/rfc822", bytes, m, entities));
            int i = 0;
            for (Attachment a : body.attachments) {
                ObjectNode am = Json.object().put("parent", id).put("thread_id", thread).put("from", from);
                if (msg.getSentDate() != null) {
                    am.put("date", msg.getSentDate().toInstant().toString());
                }
                out.add(new Change.AddArtifact(id + "." + (++i), "attachment", a.name(), a.text(), a.name(), a.mediaType(), null,
                        am, entities));
            }
            return new IngestFile(file, "email", out);
        } catch (MessagingException | IOException e) {
            throw new FileRefusedException(file, "unreadable email (" + e.getMessage() + ")");
        }
    }

    private record Attachment(String name, String mediaType, String text) {}

    /** The parts of a MIME message memory keeps: the first plain and HTML bodies, text attachments. */
    private static final class Body {
        String plain;
        String html;
        final List<Attachment> attachments = new ArrayList<>();

        void walk(Part part) throws MessagingException, IOException {
            boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    walk(mp.getBodyPart(i));
                }
            } else if (attachment) {
                String type = part.getContentType() == null ? "" : part.getContentType().toLowerCase(Locale.ROOT);
                if (type.startsWith("text/") || type.startsWith("application/json") || type.startsWith("application/csv")) {
                    String name = part.getFileName() == null ? "attachment" : MimeUtility.decodeText(part.getFileName());
                    String text = part.getContent() instanceof String str ? str : readText(part);
                    if (!text.isBlank()) {
                        attachments.add(new Attachment(name, type.split(";")[0].trim(),
                                text.length() > MAX_ATTACHMENT_CHARS ? text.substring(0, MAX_ATTACHMENT_CHARS) : text));
                    }
                }
            } else if (part.isMimeType("text/plain") && plain == null) {
                plain = String.valueOf(part.getContent());
            } else if (part.isMimeType("text/html") && html == null) {
                html = String.valueOf(part.getContent());
            }
        }
    }

    private static String readText(Part part) throws MessagingException, IOException {
        String cs = null;
        try {
            cs = new jakarta.mail.internet.ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException ignored) {
            // no usable charset: UTF-8
        }
        java.nio.charset.Charset charset = StandardCharsets.UTF_8;
        if (cs != null) {
            try {
                charset = java.nio.charset.Charset.forName(MimeUtility.javaCharset(cs));
            } catch (RuntimeException ignored) {
                // an unknown charset: UTF-8
            }
        }
        try (var in = part.getInputStream()) {
            return new String(in.readNBytes(MAX_ATTACHMENT_CHARS * 4), charset);
        }
    }

    static String stripHtml(String html) {
        return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                .replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&amp;", "&").replaceAll("[ \\t]+", " ").strip();
    }

    private static String header(MimeMessage m, String name) throws MessagingException {
        String[] v = m.getHeader(name);
        return v == null || v.length == 0 ? null : v[0].strip();
    }

    private static List<String> idsIn(String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            var x = java.util.regex.Pattern.compile("<[^>]+>").matcher(header);
            while (x.find()) {
                out.add(x.group());
            }
        }
        return out;
    }

    private static String first(Address[] a) {
        List<String> all = addresses(a);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static List<String> addresses(Address[] a) {
        List<String> out = new ArrayList<>();
        if (a != null) {
            for (Address x : a) {
                if (x instanceof InternetAddress ia && ia.getAddress() != null) {
                    out.add(ia.getPersonal() != null ? ia.getPersonal() + " <" + ia.getAddress() + ">" : ia.getAddress());
                }
            }
        }
        return out;
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode a = Json.mapper().createArrayNode();
        values.forEach(a::add);
        return a;
    }

    /** The bytes as UTF-8 text, or null when they are not text (invalid UTF-8 or NUL bytes). */
    static String utf8(byte[] bytes) {
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return s.indexOf('\0') >= 0 ? null : (s.startsWith("\uFEFF") ? s.substring(1) : s);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String sha256(String prefix, byte[] bytes) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(prefix.getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(bytes);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
