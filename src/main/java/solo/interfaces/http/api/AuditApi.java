package solo.interfaces.http.api;

import io.javalin.http.Context;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.JsonViews;
import solo.state.Store;
import solo.state.audit.ChainReport;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The event log: verify its hash chain; read it a page at a time; the history of anything by its id. */
public final class AuditApi implements WebModule {
    private static final String TAG = "audit";
    private final Store store;

    public AuditApi(Store store) {
        this.store = store;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/audit/verify", ApiDoc.of(TAG, "Recompute the hash chain; names the first broken event")
                .returns(200, "ChainReport"), this::verify);
        r.get("/api/events", ApiDoc.of(TAG, "The event log after a sequence number, oldest first")
                .query("after", "integer", "sequence number (default 0)").query("limit", "integer", "1-1000 (default 100)")
                .returns(200, "[]Event").errors(400), this::events);
        r.get("/api/audit/history/{id}", ApiDoc.of(TAG, "Every event about anything by its id (an entity, an artifact, a run,"
                + " a link's entity), oldest first: who, when, why, before and after; 404 when nothing ever happened to it")
                .returns(200, "[]Event").errors(404), this::history);
    }

    private void history(Context ctx) {
        String id = ctx.pathParam("id");
        var events = store.history(id);
        if (events.isEmpty()) {
            throw ApiError.notFound("no event is about " + id);
        }
        ArrayNode a = Json.mapper().createArrayNode();
        events.forEach(e -> a.add(JsonViews.event(e)));
        ctx.json(a);
    }

    private void verify(Context ctx) {
        ChainReport r = store.verify();
        ObjectNode o = Json.object().put("ok", r.ok()).put("events", r.events());
        if (!r.ok()) {
            o.put("first_broken_seq", r.firstBrokenSeq()).put("problem", r.problem());
        }
        ctx.json(o.put("summary", r.toString()));
    }

    private void events(Context ctx) {
        ArrayNode a = Json.mapper().createArrayNode();
        store.events(Requests.intParam(ctx, "after", 0, 0, Integer.MAX_VALUE), Requests.intParam(ctx, "limit", 100, 1, 1000))
                .forEach(e -> a.add(JsonViews.event(e)));
        ctx.json(a);
    }
}
