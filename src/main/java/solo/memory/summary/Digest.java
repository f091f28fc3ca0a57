package solo.memory.summary;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import solo.state.Artifact;
import solo.state.Entity;
import solo.state.Event;
import tools.jackson.databind.JsonNode;

/**
 * The deterministic summary: the entity's structured fields, its recent events (what changed, who, why) and
 * its most relevant artifacts with their opening lines. Built from the sources alone, so the same state
 * gives the same text.
 */
final class Digest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Digest() {}

    static String of(Entity e, String phase, List<Event> events, List<Artifact> artifacts) {
        StringBuilder sb = new StringBuilder();
        sb.append(e.type()).append(' ').append(e.label()).append(phase == null ? "" : " — phase " + phase).append('\n');
        StringBuilder fields = new StringBuilder();
        for (var f : e.body().properties()) {
            JsonNode v = f.getValue();
            if (v != null && v.isValueNode() && !v.isNull() && !v.asString().isBlank() && !f.getKey().equals("name")) {
                fields.append(fields.isEmpty() ? "" : "; ").append(f.getKey()).append(": ").append(clip(v.asString(), 80));
            }
        }
        if (!fields.isEmpty()) {
            sb.append(fields).append('\n');
        }
        if (!events.isEmpty()) {
            sb.append("Recent changes:\n");
            for (Event ev : events.reversed()) {
                sb.append("- ").append(DAY.format(ev.at())).append(' ').append(ev.kind()).append(" by ").append(ev.actor().text());
                if (ev.reason() != null && !ev.reason().isBlank()) {
                    sb.append(": ").append(clip(ev.reason(), 120));
                }
                sb.append(solo.memory.pack.ContextPackBuilder.changesOf(ev)).append('\n');
            }
        }
        if (!artifacts.isEmpty()) {
            sb.append("Most relevant notes and messages:\n");
            for (Artifact a : artifacts) {
                sb.append("- ").append(a.kind()).append(' ').append(a.id()).append(" (").append(DAY.format(a.createdAt())).append(')');
                if (a.title() != null && !a.title().isBlank()) {
                    sb.append(" \"").append(clip(a.title(), 80)).append('"');
                }
                if (a.text() != null && !a.text().isBlank()) {
                    sb.append(": ").append(clip(a.text(), 200));
                }
                sb.append('\n');
            }
        }
        return sb.toString().strip();
    }

    static String clip(String s, int max) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
