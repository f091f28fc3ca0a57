package solo.interfaces.http.api;

import io.javalin.http.Context;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.RunViews;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;
import solo.state.Actor;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;

/**
 * Steps waiting for the operator (gates, approvals, unknown outcomes) and the answers to them, through
 * {@link RunControl}. The inbox (escalations, failures with playbooks) builds on this and adds its own routes.
 */
public final class GateApi implements WebModule {
    private static final String TAG = "gates";
    private final RunControl runs;
    private final Inbox inbox;

    public GateApi(RunControl runs, Inbox inbox) {
        this.runs = runs;
        this.inbox = inbox;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/gates", ApiDoc.of(TAG, "Steps waiting for the operator: gates, approvals, unknown outcomes")
                .query("limit", "integer", "1-500 (default 100)").returns(200, "[]WaitingStep").errors(400), this::list);
        r.post("/api/gates/{run}/{step}/approve", ApiDoc.of(TAG, "Approve a waiting step; the run goes on")
                .body("Reason").returns(200, "Run").errors(400, 404, 409), ctx -> answer(ctx, true));
        r.post("/api/gates/{run}/{step}/reject", ApiDoc.of(TAG, "Reject a waiting step; a gate's run fails")
                .body("Reason").returns(200, "Run").errors(400, 404, 409), ctx -> answer(ctx, false));
    }

    private void list(Context ctx) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (StepRecord s : runs.waitingForOperator(Requests.intParam(ctx, "limit", 100, 1, 500))) {
            var o = RunViews.step(s).put("waiting_for", s.status() == StepStatus.UNKNOWN ? "outcome" : s.waitingFor());
            runs.find(s.runId()).ifPresent(run -> o.put("flow", run.flow()));
            a.add(o);
        }
        ctx.json(a);
    }

    private void answer(Context ctx, boolean approve) {
        String runId = ctx.pathParam("run");
        String stepId = ctx.pathParam("step");
        runs.find(runId).orElseThrow(() -> ApiError.notFound("no run " + runId));
        StepRecord step = runs.steps(runId).stream().filter(s -> s.stepId().equals(stepId)).findFirst()
                .orElseThrow(() -> ApiError.notFound("run " + runId + " has no step '" + stepId + "'"));
        boolean waiting = step.status() == StepStatus.UNKNOWN || (step.status() == StepStatus.WAITING
                && !"timer".equals(step.waitingFor()) && !"child".equals(step.waitingFor()));
        if (!waiting) {
            throw new ApiError(409, "step " + stepId + " of run " + runId + " is " + step.status().text()
                    + ", not waiting for the operator");
        }
        String reason = Requests.text(Requests.optionalObject(ctx), "reason", false);
        ctx.json(RunViews.run(inbox.decideStep(runId, stepId, approve, reason, Actor.OPERATOR)));
    }
}
