package solo.memory.retention;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import solo.memory.summary.Summaries;
import solo.memory.sync.ArtifactQueries;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Store;
import solo.state.Write;
import tools.jackson.databind.JsonNode;

/**
 * Retention: rules by artifact kind and age (solo.yaml {@code memory.retention}), tempered by value signals.
 * An artifact past its kind's age goes unless it is pinned ({@code metadata.pinned}), linked (another live
 * artifact names it in its metadata), cited by a summary, recently used in a context pack, or the current
 * summary of what it summarizes. {@link #plan} says what would go and why, and what stays and why;
 * {@link #prune} deletes through {@link Store#write}, so every removal is an event.
 */
public final class Retention {
    private static final int SCAN = 10_000;
    private final Store store;
    private final ArtifactQueries artifacts;
    private final Summaries summaries;
    private final Map<String, Duration> rules;
    private final Duration recentlyUsed;
    private final Clock clock;

    /** One artifact's verdict. */
    public record Decision(String artifactId, String kind, String title, Instant createdAt, boolean prune, String reason) {}

    public Retention(Store store, ArtifactQueries artifacts, Summaries summaries, Map<String, Duration> rules,
            Duration recentlyUsed, Clock clock) {
        this.store = store;
        this.artifacts = artifacts;
        this.summaries = summaries;
        this.rules = new TreeMap<>(rules);
        this.recentlyUsed = recentlyUsed;
        this.clock = clock;
    }

    /** Every artifact past its kind's age, with what retention would do and why; oldest first per kind. */
    public List<Decision> plan() {
        Instant now = clock.instant();
        Set<String> cited = citedBySummaries();
        List<Decision> out = new ArrayList<>();
        for (var rule : rules.entrySet()) {
            Instant before = now.minus(rule.getValue());
            for (String id : artifacts.ofKindBefore(rule.getKey(), before.toEpochMilli(), SCAN)) {
                Optional<Artifact> found = store.artifact(id);
                if (found.isEmpty() || found.get().deleted()) {
                    continue;
                }
                Artifact a = found.get();
                String age = "kind " + a.kind() + " older than " + days(rule.getValue());
                String keep = keepReason(a, cited, now);
                out.add(new Decision(a.id(), a.kind(), a.title(), a.createdAt(), keep == null,
                        keep == null ? age : "kept: " + keep + " (" + age + ")"));
            }
        }
        return out;
    }

    /** Deletes what the plan marks for pruning; returns how many went. */
    public int prune(List<Decision> plan) {
        List<Decision> going = plan.stream().filter(Decision::prune).toList();
        for (int i = 0; i < going.size(); i += 100) {
            List<Decision> part = going.subList(i, Math.min(going.size(), i + 100));
            List<Change> changes = part.stream().<Change>map(d -> new Change.DeleteArtifact(d.artifactId())).toList();
            store.write(new Write(Actor.SYSTEM, "retention: " + part.getFirst().reason()
                    + (part.size() > 1 ? " (and " + (part.size() - 1) + " more)" : ""), changes));
        }
        return going.size();
    }

    private String keepReason(Artifact a, Set<String> cited, Instant now) {
        JsonNode m = a.metadata();
        if (m.path("pinned").asBoolean(false)) {
            return "pinned";
        }
        if (Summaries.KIND.equals(a.kind()) && isCurrentSummary(a)) {
            return "the current summary of " + m.path("subject").asString("its entity");
        }
        if (cited.contains(a.id())) {
            return "cited by a summary";
        }
        Optional<Long> used = lastUsed(a.id());
        if (used.isPresent() && used.get() >= now.minus(recentlyUsed).toEpochMilli()) {
            return "used in a context pack within " + days(recentlyUsed);
        }
        if (linked(a.id())) {
            return "linked from another artifact";
        }
        return null;
    }

    private boolean isCurrentSummary(Artifact a) {
        JsonNode m = a.metadata();
        String phase = m.path("phase").isString() ? m.path("phase").asString() : null;
        return summaries.currentArtifact(m.path("subject").asString(""), phase).map(c -> c.id().equals(a.id())).orElse(false);
    }

    private Set<String> citedBySummaries() {
        Set<String> cited = new HashSet<>();
        for (String id : artifacts.ofKind(Summaries.KIND)) {
            store.artifact(id).ifPresent(s -> s.metadata().path("sources").forEach(n -> cited.add(n.asString())));
        }
        return cited;
    }

    private Optional<Long> lastUsed(String id) {
        return store.storage().read(sql -> sql.queryOne("SELECT last_used_at FROM memory_uses WHERE artifact_id = ?",
                rs -> rs.getLong(1), id));
    }

    /** Another live artifact names this one in its metadata (an attachment's parent, a reply, a citation). */
    private boolean linked(String id) {
        return store.storage().read(sql -> sql.queryLong("SELECT count(*) FROM artifacts WHERE deleted = 0 AND id <> ?"
                + " AND kind <> ? AND metadata LIKE ?", id, Summaries.KIND, "%\"" + id + "\"%")) > 0;
    }

    private static String days(Duration d) {
        return d.toHours() % 24 == 0 ? d.toDays() + "d" : d.toHours() + "h";
    }
}
