package solo.interfaces.http.api;

import io.javalin.http.Context;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.RunDetails;
import solo.interfaces.json.RunViews;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.RefusedWriteException;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/** Runs: list with filters, one run with its step timeline, start, cancel, retry, fork, roll back. */
public final class RunApi implements WebModule {
    private static final String TAG = "runs";
    private final RunControl runs;
    private final FlowCatalog flows;
    private final RunDetails details;

    public RunApi(RunControl runs, FlowCatalog flows, RunDetails details) {
        this.runs = runs;
        this.flows = flows;
        this.details = details;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/runs", ApiDoc.of(TAG, "Runs, newest first")
                .query("flow", "string", "only runs of this flow").query("status", "string",
                        "queued, running, waiting, completed, failed, cancelled or rolled_back")
                .query("limit", "integer", "1-500 (default 50)").returns(200, "[]Run").errors(400), this::list);
        r.post("/api/runs", ApiDoc.of(TAG, "Start a run of a flow's current version (queued for the runtime)")
                .body("NewRun").returns(201, "Run").errors(400), this::start);
        r.get("/api/runs/{id}", ApiDoc.of(TAG, "A run and its step timeline: status, attempts, inputs, outputs, errors; each"
                + " agent step's model calls (model, tokens, cost, cache hit) and policy decisions; the decisions taken about the run")
                .returns(200, "RunTimeline").errors(404), this::get);
        r.post("/api/runs/{id}/cancel", ApiDoc.of(TAG, "Cancel a run that has not finished")
                .body("Reason").returns(200, "Run").errors(400, 404, 409), this::cancel);
        r.post("/api/runs/{id}/retry", ApiDoc.of(TAG, "Run a failed run again from its failure")
                .returns(200, "Run").errors(404, 409), this::retry);
        r.post("/api/runs/{id}/fork", ApiDoc.of(TAG, "A new run that keeps the outputs before a step and runs the rest")
                .body("Fork").returns(201, "Run").errors(400, 404), this::fork);
        r.post("/api/runs/{id}/rollback", ApiDoc.of(TAG, "Revert every state write a finished run (and its child runs) made,"
                + " by new events, and mark it rolled back; 409 while it runs, or when a later write changed what it wrote")
                .body("Reason").returns(200, "Run").errors(400, 404, 409), this::rollback);
    }

    private void list(Context ctx) {
        String status = Requests.param(ctx, "status");
        RunStatus s = null;
        if (status != null) {
            try {
                s = RunStatus.of(status);
            } catch (IllegalArgumentException e) {
                throw ApiError.badRequest("status", "unknown run status '" + status
                        + "' (queued, running, waiting, completed, failed, cancelled, rolled_back)");
            }
        }
        ctx.json(RunViews.runs(runs.list(Requests.param(ctx, "flow"), s, Requests.intParam(ctx, "limit", 50, 1, 500))));
    }

    private void start(Context ctx) {
        ObjectNode body = Requests.object(ctx);
        String flow = Requests.text(body, "flow", true);
        ObjectNode input = Requests.objectField(body, "input", false);
        if (!flows.names().contains(flow)) {
            throw ApiError.badRequest("/flow", "no flow '" + flow + "' (known: " + String.join(", ", flows.names()) + ")");
        }
        Run run = runs.start(flow, input == null ? Json.object() : input,
                Json.object().put("kind", "manual").put("by", "operator").put("via", "api"));
        ctx.status(201).header("Location", "/api/runs/" + run.id()).json(RunViews.run(run));
    }

    private Run run(Context ctx) {
        String id = ctx.pathParam("id");
        return runs.find(id).orElseThrow(() -> ApiError.notFound("no run " + id));
    }

    private void get(Context ctx) {
        Run run = run(ctx);
        ctx.json(details.json(details.of(run)));
    }

    private void cancel(Context ctx) {
        Run run = run(ctx);
        ObjectNode body = Requests.optionalObject(ctx);
        ctx.json(RunViews.run(runs.cancel(run.id(), Requests.text(body, "reason", false))));
    }

    private void retry(Context ctx) {
        ctx.json(RunViews.run(runs.retry(run(ctx).id())));
    }

    private void rollback(Context ctx) {
        Run run = run(ctx);
        String reason = Requests.text(Requests.optionalObject(ctx), "reason", false);
        try {
            ctx.json(RunViews.run(runs.rollback(run.id(), reason, Actor.OPERATOR, null)));
        } catch (RefusedWriteException e) {
            throw new ApiError(409, "run " + run.id() + " cannot be rolled back: " + e.getMessage());
        }
    }

    private void fork(Context ctx) {
        Run run = run(ctx);
        ObjectNode body = Requests.object(ctx);
        String from = Requests.text(body, "from", true);
        var def = flows.version(run.flow(), run.flowVersion());
        if (def.step(from).isEmpty()) {
            throw ApiError.badRequest("/from", "'from': flow " + def.name() + " has no step '" + from + "' (its steps: "
                    + String.join(", ", def.steps().stream().map(s -> s.id()).toList()) + ")");
        }
        Run forked = runs.fork(run.id(), from, Requests.objectField(body, "input", false));
        ctx.status(201).header("Location", "/api/runs/" + forked.id()).json(RunViews.run(forked));
    }
}
