package solo.memory;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import solo.memory.embed.EmbeddingModels;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/**
 * solo.yaml's {@code memory:} section, checked when Solo opens (an error names file:line:column):
 *
 * <pre>
 * memory:
 *   model: all-minilm-l6-v2-q       # or bge-small-en-v1.5-q (changing it needs `solo memory rebuild`)
 *   retention:                      # artifact kind: age after which it may go ("keep": never)
 *     working: 7d
 *     draft: 90d
 *     summary: 30d                  # superseded summaries only; the current one always stays
 *     recently_used: 30d            # a context pack used it within this: kept
 *   summaries:
 *     recent_events: 10             # events a digest lists
 *     artifacts: 5                  # most relevant artifacts a digest cites
 *   working_memory:
 *     completed: discard            # what happens to a run's working memory when it completes
 *     failed: archive               # ... when it fails or is cancelled (archive: kept, pruned by retention)
 * </pre>
 */
public record MemoryConfig(
        EmbeddingModels model,
        Map<String, Duration> retention,
        Duration recentlyUsed,
        int digestEvents,
        int digestArtifacts,
        boolean discardCompleted,
        boolean discardFailed) {

    /** Kept forever unless solo.yaml says otherwise: notes, emails, documents, transcripts... */
    public static final Map<String, Duration> DEFAULT_RETENTION = Map.of(
            "working", Duration.ofDays(7), "draft", Duration.ofDays(90), "summary", Duration.ofDays(30));
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([dhwm])");
    private static final Set<String> KEYS = Set.of("model", "retention", "summaries", "working_memory");

    public static MemoryConfig defaults() {
        return new MemoryConfig(MemoryEngine.DEFAULT_MODEL, new TreeMap<>(DEFAULT_RETENTION), Duration.ofDays(30), 10, 5,
                true, false);
    }

    public MemoryConfig {
        retention = Map.copyOf(retention);
    }

    public MemoryConfig withModel(EmbeddingModels m) {
        return new MemoryConfig(m, retention, recentlyUsed, digestEvents, digestArtifacts, discardCompleted, discardFailed);
    }

    public static MemoryConfig read(YamlDocument doc) {
        JsonNode m = doc.root().path("memory");
        MemoryConfig d = defaults();
        if (m.isMissingNode() || m.isNull()) {
            return d;
        }
        if (!m.isObject()) {
            throw doc.error("/memory", "memory must be a mapping (model, retention, summaries, working_memory)");
        }
        for (String key : m.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw doc.errorAtKey("/memory/" + key, "unknown memory setting '" + key + "' (known: model, retention, summaries, working_memory)");
            }
        }
        EmbeddingModels model = d.model();
        if (m.has("model")) {
            try {
                model = EmbeddingModels.byName(m.get("model").asString(""));
            } catch (IllegalArgumentException e) {
                throw doc.error("/memory/model", "memory.model: " + e.getMessage() + " (known: all-minilm-l6-v2-q, bge-small-en-v1.5-q)");
            }
        }
        Map<String, Duration> retention = new TreeMap<>(d.retention());
        Duration recentlyUsed = d.recentlyUsed();
        JsonNode r = m.path("retention");
        if (!r.isMissingNode() && !r.isNull()) {
            if (!r.isObject()) {
                throw doc.error("/memory/retention", "memory.retention must map artifact kinds to ages (7d, 12w, keep)");
            }
            for (String kind : r.propertyNames()) {
                Duration age = duration(doc, "/memory/retention/" + kind, r.get(kind));
                if (kind.equals("recently_used")) {
                    if (age == null) {
                        throw doc.error("/memory/retention/recently_used", "memory.retention.recently_used needs an age such as 30d");
                    }
                    recentlyUsed = age;
                } else if (age == null) {
                    retention.remove(kind);
                } else {
                    retention.put(kind, age);
                }
            }
        }
        JsonNode s = m.path("summaries");
        int events = count(doc, s, "recent_events", d.digestEvents());
        int artifacts = count(doc, s, "artifacts", d.digestArtifacts());
        JsonNode w = m.path("working_memory");
        boolean discardCompleted = fate(doc, w, "completed", d.discardCompleted());
        boolean discardFailed = fate(doc, w, "failed", d.discardFailed());
        return new MemoryConfig(model, retention, recentlyUsed, events, artifacts, discardCompleted, discardFailed);
    }

    private static Duration duration(YamlDocument doc, String pointer, JsonNode n) {
        String text = n == null ? "" : n.asString("").trim().toLowerCase(Locale.ROOT);
        if (text.equals("keep") || text.equals("never")) {
            return null;
        }
        Matcher x = DURATION.matcher(text);
        if (!x.matches()) {
            throw doc.error(pointer, pointer.substring(1).replace('/', '.') + ": '" + text
                    + "' is not an age (a number and d, h, w or m for months: 7d, 12w, 6m) or keep");
        }
        long v = Long.parseLong(x.group(1));
        return switch (x.group(2)) {
            case "h" -> Duration.ofHours(v);
            case "d" -> Duration.ofDays(v);
            case "w" -> Duration.ofDays(7 * v);
            default -> Duration.ofDays(30 * v);
        };
    }

    private static int count(YamlDocument doc, JsonNode section, String key, int dflt) {
        JsonNode n = section.path(key);
        if (n.isMissingNode() || n.isNull()) {
            return dflt;
        }
        if (!n.isIntegralNumber() || n.asInt() < 0 || n.asInt() > 100) {
            throw doc.error("/memory/summaries/" + key, "memory.summaries." + key + " must be a whole number from 0 to 100");
        }
        return n.asInt();
    }

    private static boolean fate(YamlDocument doc, JsonNode section, String key, boolean dflt) {
        JsonNode n = section.path(key);
        if (n.isMissingNode() || n.isNull()) {
            return dflt;
        }
        return switch (n.asString("")) {
            case "discard" -> true;
            case "archive" -> false;
            default -> throw doc.error("/memory/working_memory/" + key, "memory.working_memory." + key + " must be discard or archive");
        };
    }
}
