package solo.interfaces.http.api;

import io.javalin.http.Context;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.JsonViews;
import solo.state.Actor;
import solo.state.Link;
import solo.state.Store;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The operational graph: an entity's links and neighbours; link and unlink. */
public final class GraphApi implements WebModule {
    private static final String TAG = "links";
    private final Store store;

    public GraphApi(Store store) {
        this.store = store;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/entities/{id}/links", ApiDoc.of(TAG, "Links that leave or reach the entity")
                .returns(200, "[]Link").errors(404), this::links);
        r.get("/api/entities/{id}/neighbours", ApiDoc.of(TAG, "Entities reachable through links, nearest first")
                .query("depth", "integer", "how many links away, 1-5 (default 1)").returns(200, "[]Neighbour").errors(400, 404),
                this::neighbours);
        r.post("/api/entities/{id}/links", ApiDoc.of(TAG, "Link the entity to another (a link type of schema/links.yaml)")
                .body("NewLink").returns(201, "Link").errors(400, 404), this::link);
        r.delete("/api/entities/{id}/links/{type}/{to}", ApiDoc.of(TAG, "Remove a link")
                .query("reason", "string", "why, for the history").returns(204, null).errors(404), this::unlink);
    }

    private void links(Context ctx) {
        String id = ctx.pathParam("id");
        store.get(id);
        ArrayNode a = Json.mapper().createArrayNode();
        for (Link l : store.links(id)) {
            a.add(JsonViews.link(l));
        }
        ctx.json(a);
    }

    private void neighbours(Context ctx) {
        String id = ctx.pathParam("id");
        store.get(id);
        int depth = Requests.intParam(ctx, "depth", 1, 1, 5);
        ArrayNode a = Json.mapper().createArrayNode();
        store.neighbours(id, depth).forEach(n -> a.add(JsonViews.neighbour(n)));
        ctx.json(a);
    }

    private void link(Context ctx) {
        ObjectNode body = Requests.object(ctx);
        String type = Requests.text(body, "type", true);
        String to = Requests.text(body, "to", true);
        String from = ctx.pathParam("id");
        store.get(from);
        store.link(Actor.OPERATOR, Requests.text(body, "reason", false), from, type, to);
        Link made = store.links(from).stream().filter(l -> l.from().equals(from) && l.type().equals(type) && l.to().equals(to))
                .findFirst().orElseThrow();
        ctx.status(201).json(JsonViews.link(made));
    }

    private void unlink(Context ctx) {
        String from = ctx.pathParam("id");
        store.get(from);
        store.unlink(Actor.OPERATOR, Requests.param(ctx, "reason"), from, ctx.pathParam("type"), ctx.pathParam("to"));
        ctx.status(204);
    }
}
