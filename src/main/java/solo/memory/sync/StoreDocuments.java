package solo.memory.sync;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import solo.memory.ingest.MemoryDocument;
import solo.state.Artifact;
import solo.state.Entity;
import tools.jackson.databind.JsonNode;

/**
 * How the store's records look to memory. An artifact is its text with the metadata that scope, filter
 * and rank it: who wrote it ({@code author}, or an email's {@code from}), when ({@code time}, an email's
 * {@code date}, else when it was stored), and the conversation it belongs to ({@code thread}, an email's
 * {@code thread_id}). An entity is searchable too: its type, label and fields as lines of text.
 */
public final class StoreDocuments {
    /** The kind entity documents carry in the index. */
    public static final String ENTITY_KIND = "entity";

    private StoreDocuments() {}

    /** The artifact as a memory document, or null when it has nothing to index (deleted, or a file without text). */
    public static MemoryDocument of(Artifact a) {
        if (a.deleted() || a.entityIds().isEmpty()) {
            return null;
        }
        String text = a.text();
        if (text == null || text.isBlank()) {
            if (a.fileName() == null) {
                return null;
            }
            text = a.fileName(); // a file we could not read as text is still findable by its name
        }
        JsonNode m = a.metadata();
        return new MemoryDocument(a.id(), a.entityIds(), a.kind(), author(m), time(m, a.createdAt()), thread(m),
                a.title() == null ? "" : a.title(), text);
    }

    /** The entity as a memory document: its own thread, attached to itself. */
    public static MemoryDocument of(Entity e) {
        StringBuilder text = new StringBuilder();
        text.append(e.type()).append(' ').append(e.label()).append('\n');
        for (Map.Entry<String, JsonNode> field : e.body().properties()) {
            JsonNode v = field.getValue();
            if (v == null || v.isNull()) {
                continue;
            }
            String value = v.isValueNode() ? v.asString() : v.toString();
            if (!value.isBlank()) {
                text.append(field.getKey().replace('_', ' ')).append(": ").append(value).append('\n');
            }
        }
        return new MemoryDocument(e.id(), List.of(e.id()), ENTITY_KIND, "", e.updatedAt(), "",
                e.type() + ": " + e.label(), text.toString().strip());
    }

    static String author(JsonNode m) {
        return firstText(m, "author", "from");
    }

    static String thread(JsonNode m) {
        return firstText(m, "thread", "thread_id");
    }

    static Instant time(JsonNode m, Instant fallback) {
        String t = firstText(m, "time", "date");
        if (t.isEmpty()) {
            return fallback;
        }
        try {
            return parseTime(t);
        } catch (DateTimeParseException e) {
            return fallback; // metadata is the writer's; a time we cannot read is not worth refusing the artifact
        }
    }

    /** An instant, an offset date-time, a local date-time (UTC) or a date (midnight UTC). */
    public static Instant parseTime(String s) {
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return OffsetDateTime.parse(s).toInstant();
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
    }

    private static String firstText(JsonNode m, String... fields) {
        if (m == null) {
            return "";
        }
        for (String f : fields) {
            JsonNode v = m.get(f);
            if (v != null && v.isString() && !v.asString().isBlank()) {
                return v.asString().strip();
            }
        }
        return "";
    }
}
