package solo.interfaces.http.api;

import io.javalin.http.Context;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.FlowViews;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.FlowException;
import solo.orchestration.runtime.FlowCatalog;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Flows: list, validate, one flow's definition (steps, what each depends on) and its versions. */
public final class FlowApi implements WebModule {
    private static final String TAG = "flows";
    private final FlowCatalog flows;

    public FlowApi(FlowCatalog flows) {
        this.flows = flows;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/flows", ApiDoc.of(TAG, "The flows in flows/, each valid or with its problems").returns(200, "[]FlowSummary"),
                this::list);
        r.post("/api/flows/validate", ApiDoc.of(TAG, "Check every flow file; each problem with file:line:column")
                .returns(200, "Validation"), this::validate);
        r.get("/api/flows/{name}", ApiDoc.of(TAG, "A flow's definition as its file says now, and its stored versions")
                .returns(200, "Flow").errors(400, 404), this::get);
    }

    private void list(Context ctx) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (String name : flows.names()) {
            ObjectNode o = a.addObject().put("name", name);
            try {
                FlowDefinition def = flows.current(name);
                o.put("valid", true).put("description", def.description()).put("steps", def.steps().size());
                ArrayNode t = o.putArray("triggers");
                def.triggers().forEach(x -> t.add(FlowViews.trigger(x)));
            } catch (FlowException e) {
                o.put("valid", false).set("problems", Json.tree(e.problems()));
            } catch (SoloException e) {
                o.put("valid", false).putArray("problems").add(e.getMessage());
            }
        }
        ctx.json(a);
    }

    private void validate(Context ctx) {
        var problems = flows.validate();
        ObjectNode o = Json.object().put("valid", problems.isEmpty()).put("flows", flows.names().size());
        o.set("problems", Json.tree(problems));
        ctx.json(o);
    }

    private void get(Context ctx) {
        String name = ctx.pathParam("name");
        if (!flows.names().contains(name)) {
            throw ApiError.notFound("no flow '" + name + "' (flows/" + name + ".yaml does not exist)");
        }
        ctx.json(FlowViews.definition(flows.current(name), flows.history(name)));
    }
}
