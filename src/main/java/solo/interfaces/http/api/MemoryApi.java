package solo.interfaces.http.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.function.Supplier;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.memory.Memory;
import solo.memory.MemoryQuery;
import solo.state.Artifact;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Memory: scoped search, context packs and summaries (what {@code solo search}, {@code solo context} and {@code solo memory} print). */
public final class MemoryApi implements WebModule {
    private static final String TAG = "memory";
    private final Supplier<Memory> memory;

    public MemoryApi(Supplier<Memory> memory) {
        this.memory = memory;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/search", ApiDoc.of(TAG, "Search memory: one entity, it and its neighbours, or the company")
                .query("q", "string", "what to look for (required)")
                .query("entity", "string", "the entity whose memory to search (default: the company)")
                .query("neighbours", "integer", "with entity: also the entities up to this many links away (0-5, default 0)")
                .query("kind", "string", "only artifacts of this kind")
                .query("limit", "integer", "1-100 (default 10)")
                .returns(200, "[]MemoryHit").errors(400, 404), this::search);
        r.get("/api/entities/{id}/context", ApiDoc.of(TAG, "The context pack an agent gets about the entity for a task")
                .query("task", "string", "what the context is for").query("budget", "integer", "tokens, 1-100000 (default 2000)")
                .returns(200, "ContextPack").errors(400, 404), this::context);
        r.get("/api/entities/{id}/summary", ApiDoc.of(TAG, "The entity's current summary (what it covers, who wrote it, its"
                + " sources) and the summaries it had before, newest first; summary is null until one is written")
                .returns(200, "Summary").errors(404), this::summary);
    }

    private void summary(Context ctx) {
        String id = ctx.pathParam("id");
        Memory m = memory.get();
        m.store().get(id);
        ObjectNode o = Json.object().put("entity", id);
        o.set("summary", m.summaries().currentArtifact(id, null).map(MemoryApi::summary).orElse(null));
        ArrayNode all = o.putArray("history");
        for (Artifact a : m.summaries().all(id)) {
            ObjectNode past = summary(a);
            past.remove("text");
            all.add(past);
        }
        ctx.json(o);
    }

    /** A summary artifact as JSON: its text and what its metadata says it covers. */
    public static ObjectNode summary(Artifact a) {
        JsonNode meta = a.metadata();
        ObjectNode o = Json.object().put("artifact", a.id()).put("phase", meta.path("phase").asString(null))
                .put("summarizer", meta.path("summarizer").asString(null)).put("created_at", a.createdAt().toString())
                .put("reason", meta.path("reason").asString(null));
        o.set("covers", meta.path("covers").isObject() ? meta.get("covers") : null);
        o.set("sources", meta.path("sources").isArray() ? meta.get("sources") : Json.mapper().createArrayNode());
        return o.put("text", a.text());
    }

    private void search(Context ctx) {
        String q = Requests.param(ctx, "q");
        if (q == null || q.isBlank()) {
            throw ApiError.badRequest("q", "'q' is required");
        }
        String entity = Requests.param(ctx, "entity");
        int neighbours = Requests.intParam(ctx, "neighbours", 0, 0, MemoryQuery.MAX_NEIGHBOURS);
        if (entity == null && neighbours > 0) {
            throw ApiError.badRequest("neighbours", "'neighbours' needs 'entity'");
        }
        String kind = Requests.param(ctx, "kind");
        var filter = new solo.memory.retrieval.SearchFilter(kind == null ? java.util.Set.of() : java.util.Set.of(kind),
                java.util.Set.of(), null, null);
        var hits = memory.get().search(new MemoryQuery(q, entity, neighbours, filter, Requests.intParam(ctx, "limit", 10, 1, 100)));
        ArrayNode a = Json.mapper().createArrayNode();
        for (var h : hits) {
            var c = h.chunk();
            a.add(Json.object().put("source", c.sourceId()).put("chunk", c.id()).put("kind", c.kind()).put("title", c.title())
                    .put("author", c.author()).put("time", Instant.ofEpochMilli(c.time()).toString())
                    .put("score", Math.round(h.score() * 10000) / 10000.0).put("text", c.text()));
        }
        ctx.json(a);
    }

    private void context(Context ctx) {
        String task = Requests.param(ctx, "task");
        int budget = Requests.intParam(ctx, "budget", 2000, 1, 100_000);
        var pack = memory.get().contextPack(ctx.pathParam("id"), task == null ? "" : task, budget);
        ObjectNode o = Json.object().put("entity", ctx.pathParam("id")).put("task", task).put("budget", budget)
                .put("tokens", pack.tokens()).put("retrieval_found_little", pack.retrievalFoundLittle());
        o.putArray("sources").addAll(pack.sources().stream().map(Json::tree).toList());
        o.put("text", pack.text());
        ctx.json(o);
    }
}
