package solo.interfaces.http.api;

import io.javalin.http.Context;
import java.util.List;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.HttpServer;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.JsonViews;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Entities: list by type with paging, read, create, update by version, history, revert. */
public final class EntityApi implements WebModule {
    private static final String TAG = "entities";
    private final Store store;

    public EntityApi(Store store) {
        this.store = store;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/entity-types", ApiDoc.of(TAG, "The entity types of the company (schema/) with their counts")
                .returns(200, "[]EntityType"), this::types);
        r.get("/api/entities", ApiDoc.of(TAG, "Entities of a type, by id, a page at a time")
                .query("type", "string", "entity type (all types when absent)")
                .query("after", "string", "the last id of the previous page (the page's next)")
                .query("limit", "integer", "page size, 1-500 (default 50)").returns(200, "EntityPage").errors(400),
                this::list);
        r.post("/api/entities", ApiDoc.of(TAG, "Create an entity; the body is checked against its type's schema")
                .body("NewEntity").returns(201, "Entity").errors(400), this::create);
        r.get("/api/entities/{id}", ApiDoc.of(TAG, "One entity").returns(200, "Entity").errors(404), this::get);
        r.put("/api/entities/{id}", ApiDoc.of(TAG, "Replace an entity's body, naming the version it was read at")
                .body("EntityUpdate").returns(200, "Entity").errors(400, 404, 409), this::update);
        r.get("/api/entities/{id}/history", ApiDoc.of(TAG, "Every event about the entity, oldest first: who, when, why, what")
                .returns(200, "[]Event").errors(404), this::history);
        r.post("/api/entities/{id}/revert", ApiDoc.of(TAG, "Restore the body of an earlier version, as a new version")
                .body("Revert").returns(200, "Entity").errors(400, 404, 409), this::revert);
    }

    private void types(Context ctx) {
        ArrayNode a = Json.mapper().createArrayNode();
        store.schema().types().forEach((name, type) -> a.addObject().put("name", name).put("title", type.title())
                .put("count", store.count(name)));
        ctx.json(a);
    }

    private void list(Context ctx) {
        String type = Requests.param(ctx, "type");
        if (type != null && store.schema().find(type).isEmpty()) {
            throw ApiError.badRequest("type", "no entity type '" + type + "' (known: "
                    + String.join(", ", store.schema().types().keySet()) + ")");
        }
        int limit = Requests.intParam(ctx, "limit", 50, 1, 500);
        List<Entity> page = store.list(type, Requests.param(ctx, "after"), limit + 1);
        ObjectNode out = Json.object();
        out.set("items", JsonViews.entities(page.subList(0, Math.min(limit, page.size()))));
        out.put("next", page.size() > limit ? page.get(limit - 1).id() : null);
        ctx.json(out);
    }

    private void create(Context ctx) {
        ObjectNode body = Requests.object(ctx);
        String type = Requests.text(body, "type", true);
        ObjectNode entityBody = Requests.objectField(body, "body", true);
        if (store.schema().find(type).isEmpty()) {
            throw ApiError.badRequest("/type", "no entity type '" + type + "' (known: "
                    + String.join(", ", store.schema().types().keySet()) + ")");
        }
        ctx.attribute(HttpServer.FIELD_PREFIX, "/body");
        Entity e = store.write(Write.of(Actor.OPERATOR, Requests.text(body, "reason", false),
                new Change.CreateEntity(type, null, entityBody))).entity();
        ctx.status(201).header("Location", "/api/entities/" + e.id()).json(JsonViews.entity(e));
    }

    private void get(Context ctx) {
        ctx.json(JsonViews.entity(store.get(ctx.pathParam("id"))));
    }

    private void update(Context ctx) {
        ObjectNode body = Requests.object(ctx);
        long version = Requests.integer(body, "version");
        ObjectNode entityBody = Requests.objectField(body, "body", true);
        String id = ctx.pathParam("id");
        store.get(id);
        ctx.attribute(HttpServer.FIELD_PREFIX, "/body");
        ctx.json(JsonViews.entity(store.update(Actor.OPERATOR, Requests.text(body, "reason", false), id, version, entityBody)));
    }

    private void history(Context ctx) {
        String id = ctx.pathParam("id");
        store.get(id);
        ArrayNode a = Json.mapper().createArrayNode();
        store.history(id).forEach(e -> a.add(JsonViews.event(e)));
        ctx.json(a);
    }

    private void revert(Context ctx) {
        ObjectNode body = Requests.object(ctx);
        long to = Requests.integer(body, "to_version");
        long version = Requests.integer(body, "version");
        String id = ctx.pathParam("id");
        store.get(id);
        ctx.json(JsonViews.entity(store.revert(Actor.OPERATOR, Requests.text(body, "reason", false), id, to, version)));
    }
}
