package solo.interfaces.http.api;

import io.javalin.http.Context;
import java.util.List;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.JsonViews;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Artifacts: an entity's notes, emails and documents; add a note; read one with its text. */
public final class ArtifactApi implements WebModule {
    private static final String TAG = "artifacts";
    private final Store store;

    public ArtifactApi(Store store) {
        this.store = store;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/entities/{id}/artifacts", ApiDoc.of(TAG, "Artifacts attached to the entity, newest first")
                .query("limit", "integer", "1-500 (default 50)").returns(200, "[]Artifact").errors(400, 404), this::list);
        r.post("/api/entities/{id}/notes", ApiDoc.of(TAG, "Attach a note to the entity")
                .body("NewNote").returns(201, "Artifact").errors(400, 404), this::addNote);
        r.get("/api/artifacts/{id}", ApiDoc.of(TAG, "One artifact with its text").returns(200, "Artifact").errors(404), this::get);
    }

    private void list(Context ctx) {
        String id = ctx.pathParam("id");
        store.get(id);
        ArrayNode a = Json.mapper().createArrayNode();
        store.artifacts(id, Requests.intParam(ctx, "limit", 50, 1, 500)).forEach(x -> a.add(JsonViews.artifact(x, false)));
        ctx.json(a);
    }

    private void addNote(Context ctx) {
        ObjectNode body = Requests.object(ctx);
        String text = Requests.text(body, "text", true);
        if (text.isBlank()) {
            throw ApiError.badRequest("/text", "'text' must not be blank");
        }
        String id = ctx.pathParam("id");
        store.get(id);
        Artifact a = store.write(Write.of(Actor.OPERATOR, Requests.text(body, "reason", false), new Change.AddArtifact(null,
                "note", Requests.text(body, "title", false), text, null, "text/plain", null, null, List.of(id)))).artifact();
        ctx.status(201).header("Location", "/api/artifacts/" + a.id()).json(JsonViews.artifact(a, true));
    }

    private void get(Context ctx) {
        String id = ctx.pathParam("id");
        ctx.json(JsonViews.artifact(store.artifact(id).orElseThrow(() -> ApiError.notFound("no artifact " + id)), true));
    }
}
