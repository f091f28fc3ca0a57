package solo.memory.summary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.memory.MemoryQuery;
import solo.memory.pack.ContextPackBuilder;
import solo.memory.retrieval.Hit;
import solo.memory.sync.ArtifactQueries;
import solo.memory.sync.Cursors;
import solo.memory.sync.StoreDocuments;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Event;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Summaries of entities and of project phases, kept as artifacts of kind {@code summary} attached to the
 * entity, each with its provenance in its metadata: {@code subject}, {@code phase}, {@code summarizer},
 * {@code covers} (from, to), {@code sources} (the artifacts it drew on), {@code through_seq} (the last event
 * it saw) and {@code reason}. They are refreshed after significant events only — a status or phase changed
 * (a deal closed is a status change), a run that wrote the entity finished — never on every write; a
 * refresh that would say the same as the current summary writes nothing.
 */
public final class Summaries implements ContextPackBuilder.Summaries {
    public static final String KIND = "summary";
    public static final String CURSOR = "summaries";
    /** Fields whose change is significant: where the entity stands. */
    static final List<String> SIGNIFICANT_FIELDS = List.of("status", "phase", "stage");
    private static final Logger LOG = LoggerFactory.getLogger(Summaries.class);
    private static final int BATCH = 500;

    private final Store store;
    private final ArtifactQueries artifacts;
    private final Function<MemoryQuery, List<Hit>> search;
    private final Cursors cursors;
    private final Supplier<Summarizer> summarizer;
    private final int recentEvents;
    private final int relevantArtifacts;

    public Summaries(Store store, ArtifactQueries artifacts, Function<MemoryQuery, List<Hit>> search, Cursors cursors,
            Supplier<Summarizer> summarizer, int recentEvents, int relevantArtifacts) {
        this.store = store;
        this.artifacts = artifacts;
        this.search = search;
        this.cursors = cursors;
        this.summarizer = summarizer;
        this.recentEvents = recentEvents;
        this.relevantArtifacts = relevantArtifacts;
    }

    @Override
    public Optional<ContextPackBuilder.SummaryView> current(String entityId) {
        return currentArtifact(entityId, null).map(a -> {
            JsonNode m = a.metadata();
            return new ContextPackBuilder.SummaryView(a.text() == null ? "" : a.text(), m.path("summarizer").asString("digest"),
                    Instant.parse(m.path("covers").path("from").asString(a.createdAt().toString())),
                    Instant.parse(m.path("covers").path("to").asString(a.createdAt().toString())),
                    m.path("sources").size());
        });
    }

    /** The newest summary of the entity (phase null) or of one of its phases. */
    public Optional<Artifact> currentArtifact(String entityId, String phase) {
        for (Artifact a : artifacts.attached(entityId, KIND, 50)) {
            JsonNode m = a.metadata();
            String p = m.path("phase").isString() ? m.path("phase").asString() : null;
            if (entityId.equals(m.path("subject").asString("")) && java.util.Objects.equals(p, phase)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Every summary an entity has had, newest first (phases included). */
    public List<Artifact> all(String entityId) {
        return artifacts.attached(entityId, KIND, 1000).stream()
                .filter(a -> entityId.equals(a.metadata().path("subject").asString(""))).toList();
    }

    /** Refreshes the entity's summary; returns it (the current one when nothing changed). */
    public Optional<Artifact> refresh(String entityId, String reason) {
        Entity e = store.find(entityId).orElse(null);
        if (e == null) {
            return Optional.empty();
        }
        List<Event> history = store.history(entityId);
        return write(e, null, history, reason);
    }

    /** Writes the summary of one phase of a project: the events from the phase's start to its end. */
    public Optional<Artifact> refreshPhase(String entityId, String phase, String reason) {
        Entity e = store.find(entityId).orElse(null);
        if (e == null) {
            return Optional.empty();
        }
        List<Event> history = store.history(entityId);
        List<Event> span = new ArrayList<>();
        boolean in = false;
        for (Event ev : history) {
            String after = field(ev.after(), "phase");
            if (ev.isEntityVersion() && after != null) {
                if (phase.equals(after)) {
                    in = true;
                } else if (in) {
                    span.add(ev); // the change that ended the phase closes its span
                    break;
                }
            }
            if (in) {
                span.add(ev);
            }
        }
        return span.isEmpty() ? Optional.empty() : write(e, phase, span, reason);
    }

    private Optional<Artifact> write(Entity e, String phase, List<Event> events, String reason) {
        List<Event> recent = events.subList(Math.max(0, events.size() - recentEvents), events.size());
        List<Artifact> relevant = relevant(e, phase);
        Instant from = events.isEmpty() ? e.createdAt() : events.getFirst().at();
        Instant to = events.isEmpty() ? e.updatedAt() : events.getLast().at();
        long through = events.isEmpty() ? 0 : events.getLast().seq();
        List<String> sourceIds = relevant.stream().map(Artifact::id).toList();
        Optional<Artifact> current = currentArtifact(e.id(), phase);
        if (current.isPresent() && current.get().metadata().path("through_seq").asLong(-1) == through
                && ids(current.get().metadata().path("sources")).equals(sourceIds)) {
            return current; // nothing new to say
        }
        String digest = Digest.of(e, phase, recent, relevant);
        Summarizer s = summarizer.get();
        SummaryInput input = new SummaryInput(e, phase, from, to, recent, relevant, digest);
        String text;
        String by;
        try {
            Optional<String> written = s.summarize(input);
            text = written.filter(t -> !t.isBlank()).orElse(digest);
            by = written.isPresent() && !written.get().isBlank() ? s.name() : Summarizer.DIGEST.name();
        } catch (RuntimeException ex) {
            LOG.warn("summarizer {} failed for {}; using the digest: {}", s.name(), e.id(), ex.toString());
            text = digest;
            by = Summarizer.DIGEST.name();
        }
        ObjectNode m = Json.object().put("subject", e.id());
        if (phase != null) {
            m.put("phase", phase);
        }
        m.put("summarizer", by);
        m.set("covers", Json.object().put("from", from.toString()).put("to", to.toString()));
        ArrayNode src = m.putArray("sources");
        sourceIds.forEach(src::add);
        m.put("through_seq", through);
        m.put("reason", reason);
        if (current.isPresent()) {
            m.put("supersedes", current.get().id());
        }
        String title = "Summary of " + e.label() + (phase == null ? "" : ", phase " + phase);
        Actor actor = by.startsWith("agent:") ? new Actor.Agent(by.substring(6)) : Actor.SYSTEM;
        Artifact written = store.write(Write.of(actor, "summary refreshed: " + reason,
                new Change.AddArtifact(null, KIND, title, text, null, "text/markdown", null, m, List.of(e.id())))).artifact();
        return Optional.of(written);
    }

    /** The artifacts most relevant to the entity (or the phase), through the same retriever packs use. */
    private List<Artifact> relevant(Entity e, String phase) {
        if (relevantArtifacts == 0) {
            return List.of();
        }
        String q = e.label() + (phase == null ? "" : " " + phase);
        Set<String> ids = new LinkedHashSet<>();
        for (Hit h : search.apply(MemoryQuery.entity(q, e.id(), 0, relevantArtifacts * 4))) {
            String kind = h.chunk().kind();
            if (!kind.equals(KIND) && !kind.equals(StoreDocuments.ENTITY_KIND) && ids.size() < relevantArtifacts) {
                ids.add(h.chunk().sourceId());
            }
        }
        return ids.stream().map(store::artifact).flatMap(Optional::stream).filter(a -> !a.deleted()).toList();
    }

    /**
     * Follows the event log from the {@code summaries} cursor and refreshes what significant events touched
     * (a first start begins at the newest event: history does not refresh). Returns the summaries written.
     */
    public int poll() {
        long from = cursors.getOrStart(CURSOR, store.lastSeq());
        List<Event> events = store.events(from, BATCH);
        if (events.isEmpty()) {
            return 0;
        }
        Map<String, String> entities = new LinkedHashMap<>();
        Map<String, List<String>> endedPhases = new LinkedHashMap<>();
        for (Event ev : events) {
            String why = significance(ev);
            if (why != null) {
                entities.putIfAbsent(ev.subject(), why);
                String before = field(ev.before(), "phase");
                String after = field(ev.after(), "phase");
                if (before != null && !before.equals(after)) {
                    endedPhases.computeIfAbsent(ev.subject(), k -> new ArrayList<>()).add(before);
                }
            }
        }
        if (!cursors.advance(CURSOR, from, events.getLast().seq())) {
            return 0; // another process took these events
        }
        int written = 0;
        for (var p : endedPhases.entrySet()) {
            for (String phase : p.getValue()) {
                written += refreshPhase(p.getKey(), phase, "phase " + phase + " ended").isPresent() ? 1 : 0;
            }
        }
        for (var en : entities.entrySet()) {
            written += refresh(en.getKey(), en.getValue()).isPresent() ? 1 : 0;
        }
        return written;
    }

    /** After a run finished: the entities it wrote get their summaries refreshed. */
    public int runFinished(String runId, String status) {
        Set<String> touched = new LinkedHashSet<>();
        for (Event ev : store.eventsOfRun(runId)) {
            if (ev.isEntityVersion()) {
                touched.add(ev.subject());
            } else if (ev.kind().equals(Event.ARTIFACT_ADDED) && !KIND.equals(ev.subjectType())) {
                store.artifact(ev.subject()).ifPresent(a -> touched.addAll(a.entityIds()));
            }
        }
        int written = 0;
        for (String id : touched) {
            written += refresh(id, "run " + runId + " " + status).isPresent() ? 1 : 0;
        }
        return written;
    }

    /** Why an event matters to a summary, or null: a status, phase or stage field changed. */
    static String significance(Event ev) {
        if (!ev.isEntityVersion() || ev.kind().equals(Event.ENTITY_CREATED) || ev.kind().equals(Event.ENTITY_DELETED)) {
            return null;
        }
        for (String f : SIGNIFICANT_FIELDS) {
            String b = field(ev.before(), f);
            String a = field(ev.after(), f);
            if (!java.util.Objects.equals(a, b)) {
                return f + " changed from " + (b == null ? "none" : b) + " to " + (a == null ? "none" : a);
            }
        }
        return null;
    }

    private static String field(String json, String name) {
        if (json == null) {
            return null;
        }
        JsonNode v = Json.read(json).get(name);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static List<String> ids(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return out;
    }
}
