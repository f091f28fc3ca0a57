package solo.interfaces.cockpit;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import solo.interfaces.http.server.ApiError;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.support.InvalidJsonException;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;

/** Runs: a filtered list; one run's step timeline with its controls (cancel, retry, fork); answers to gates. */
final class RunPages implements CockpitModule {
    private static final List<String> STATUSES = List.of("queued", "running", "waiting", "completed", "failed", "cancelled");
    private final RunControl runs;
    private final FlowCatalog flows;
    private final Inbox inbox;

    RunPages(RunControl runs, FlowCatalog flows, Inbox inbox) {
        this.runs = runs;
        this.flows = flows;
        this.inbox = inbox;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.RUNS, "/runs");
        c.routes().page("/runs", ctx -> list(c, ctx));
        c.routes().page("/runs/{id}", ctx -> show(c, ctx));
        c.routes().form("/runs/{id}/cancel", ctx -> {
            runs.cancel(run(ctx).id(), Forms.field(ctx, "reason"));
            Forms.back(ctx, "/runs/" + ctx.pathParam("id"));
        });
        c.routes().form("/runs/{id}/retry", ctx -> {
            runs.retry(run(ctx).id());
            Forms.back(ctx, "/runs/" + ctx.pathParam("id"));
        });
        c.routes().form("/runs/{id}/fork", this::fork);
        c.routes().form("/gates/{run}/{step}/approve", ctx -> answer(ctx, true));
        c.routes().form("/gates/{run}/{step}/reject", ctx -> answer(ctx, false));
    }

    private void list(Cockpit c, Context ctx) {
        String flow = blank(ctx.queryParam("flow"));
        String status = blank(ctx.queryParam("status"));
        RunStatus s = status != null && STATUSES.contains(status) ? RunStatus.of(status) : null;
        c.page(ctx, NavSlot.RUNS, "Runs", "runs", Map.of("runs", RunView.runs(runs.list(flow, s, 200)),
                "flows", flows.names(), "statuses", STATUSES, "flow", flow == null ? "" : flow,
                "status", s == null ? "" : s.text()));
    }

    private void show(Cockpit c, Context ctx) {
        Run run = run(ctx);
        List<String> stepIds = List.of();
        try {
            stepIds = flows.version(run.flow(), run.flowVersion()).steps().stream().map(StepDefinition::id).toList();
        } catch (SoloException e) {
            // a version that no longer reads: the run still shows, without the fork form
        }
        Map<String, Object> model = new HashMap<>();
        model.put("run", RunView.run(run));
        model.put("steps", runs.steps(run.id()).stream().map(RunView::step).toList());
        model.put("step_ids", stepIds);
        model.put("can_retry", run.status() == RunStatus.FAILED);
        model.put("can_cancel", !run.status().finished());
        c.page(ctx, NavSlot.RUNS, "Run " + run.id(), "run", model);
    }

    private void fork(Context ctx) {
        Run run = run(ctx);
        String from = Forms.field(ctx, "from");
        if (from == null) {
            throw ApiError.badRequest("from", "choose the step to fork from");
        }
        String inputText = Forms.field(ctx, "input");
        JsonNode input = null;
        if (inputText != null) {
            try {
                input = Json.parse(inputText, "input");
            } catch (InvalidJsonException e) {
                throw ApiError.badRequest("input", e.getMessage());
            }
        }
        Run forked = runs.fork(run.id(), from, input);
        ctx.redirect("/runs/" + forked.id(), HttpStatus.SEE_OTHER);
    }

    private void answer(Context ctx, boolean approve) {
        String runId = ctx.pathParam("run");
        runs.find(runId).orElseThrow(() -> ApiError.notFound("no run " + runId));
        inbox.decideStep(runId, ctx.pathParam("step"), approve, Forms.field(ctx, "reason"), Actor.OPERATOR);
        Forms.back(ctx, "/runs/" + runId);
    }

    private Run run(Context ctx) {
        String id = ctx.pathParam("id");
        return runs.find(id).orElseThrow(() -> ApiError.notFound("no run " + id));
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }
}
