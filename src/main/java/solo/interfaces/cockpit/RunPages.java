package solo.interfaces.cockpit;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.json.AgentStepViews;
import solo.interfaces.json.RunDetails;
import solo.orchestration.flow.StepDefinition;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.state.Event;
import solo.state.RefusedWriteException;
import solo.support.InvalidJsonException;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs: a list filtered by flow and status; one run's step timeline — inputs, outputs, errors, each agent step's
 * model calls (model, tokens, cost, cache hit) and confidence, the policy decisions, the inbox items it opened and
 * the decisions taken — with its controls: cancel, retry, fork from a step with edited input, roll back.
 */
final class RunPages implements CockpitModule {
    private static final List<String> STATUSES = List.of("queued", "running", "waiting", "completed", "failed", "cancelled",
            "rolled_back");
    private final RunControl runs;
    private final FlowCatalog flows;
    private final Inbox inbox;
    private final RunDetails details;

    RunPages(RunControl runs, FlowCatalog flows, Inbox inbox, RunDetails details) {
        this.runs = runs;
        this.flows = flows;
        this.inbox = inbox;
        this.details = details;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.RUNS, "/runs");
        c.routes().page("/runs", ctx -> list(c, ctx));
        c.routes().page("/runs/{id}", ctx -> show(c, ctx));
        c.routes().form("/runs/{id}/cancel", ctx -> {
            runs.cancel(run(ctx).id(), Forms.field(ctx, "reason"), Actor.OPERATOR, null);
            Forms.back(ctx, "/runs/" + ctx.pathParam("id"));
        });
        c.routes().form("/runs/{id}/retry", ctx -> {
            runs.retry(run(ctx).id());
            Forms.back(ctx, "/runs/" + ctx.pathParam("id"));
        });
        c.routes().form("/runs/{id}/rollback", ctx -> {
            Run run = run(ctx);
            try {
                runs.rollback(run.id(), Forms.field(ctx, "reason"), Actor.OPERATOR, null);
            } catch (RefusedWriteException e) {
                throw new ApiError(409, "run " + run.id() + " cannot be rolled back: " + e.getMessage());
            }
            Forms.back(ctx, "/runs/" + run.id());
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
        RunDetails.Detail d = details.of(run);
        List<String> stepIds = List.of();
        try {
            stepIds = flows.version(run.flow(), run.flowVersion()).steps().stream().map(StepDefinition::id).toList();
        } catch (SoloException e) {
            // a version that no longer reads: the run still shows, without the fork form
        }
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepRecord s : d.steps()) {
            Map<String, Object> m = new HashMap<>(RunView.step(s));
            ObjectNode agent = d.agents().get(s.stepId());
            m.put("agent", agent == null ? Map.of() : agent(agent));
            ObjectNode policy = AgentStepViews.decision(s);
            m.put("policy", policy == null ? Map.of() : policy(policy));
            steps.add(m);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (InboxItem i : inbox.ofRun(run.id())) {
            items.add(InboxPages.item(i));
        }
        List<Map<String, Object>> decisions = new ArrayList<>();
        for (Event e : d.decisions()) {
            decisions.add(EntityPages.event(e));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("run", RunView.run(run));
        model.put("steps", steps);
        model.put("step_ids", stepIds);
        model.put("items", items);
        model.put("decisions", decisions);
        model.put("currency", details.currency());
        model.put("can_retry", run.status() == RunStatus.FAILED);
        model.put("can_cancel", !run.status().finished());
        model.put("can_rollback", run.status().finished() && run.status() != RunStatus.ROLLED_BACK);
        c.page(ctx, NavSlot.RUNS, "Run " + run.id(), "run", model);
    }

    /** An agent step's view ({@link AgentStepViews}) as text for the template. */
    private static Map<String, Object> agent(ObjectNode a) {
        Map<String, Object> m = new HashMap<>();
        m.put("agent", a.path("agent").asString());
        m.put("model", a.path("model").asString(""));
        m.put("calls", a.path("calls").asInt());
        m.put("input_tokens", a.path("input_tokens").asLong());
        m.put("output_tokens", a.path("output_tokens").asLong());
        m.put("cost", a.path("cost").asString());
        m.put("currency", a.path("currency").asString(""));
        int hits = a.path("cache_hits").asInt();
        m.put("cache", hits == 0 ? "no" : a.path("cache_hit").asBoolean() ? "yes" : hits + " of " + a.path("calls").asInt());
        m.put("confidence", a.path("confidence").isNumber() ? String.valueOf(a.get("confidence").asDouble()) : "");
        m.put("failure", a.path("failure").path("explanation").asString(a.path("failure").path("reason").asString("")));
        List<Map<String, Object>> calls = new ArrayList<>();
        for (JsonNode call : a.path("model_calls")) {
            calls.add(Map.of("model", call.path("provider").asString() + "/" + call.path("model").asString(),
                    "tier", call.path("tier").asString(""), "input_tokens", call.path("input_tokens").asLong(),
                    "output_tokens", call.path("output_tokens").asLong(), "cost", call.path("cost").asString(),
                    "cache_hit", call.path("cache_hit").asBoolean() ? "yes" : "no", "latency", call.path("latency_ms").asLong() + " ms",
                    "outcome", call.path("outcome").asString("")));
        }
        m.put("model_calls", calls);
        List<Map<String, Object>> decisions = new ArrayList<>();
        a.path("policy_decisions").forEach(p -> decisions.add(policy((ObjectNode) p)));
        m.put("policy_decisions", decisions);
        return m;
    }

    private static Map<String, Object> policy(ObjectNode p) {
        JsonNode esc = p.get("escalation");
        return Map.of("step", p.path("step").asString(""), "type", p.path("type").asString(""),
                "decision", p.path("decision").asString(""), "explanation", p.path("explanation").asString(""),
                "status", p.path("status").asString(""),
                "escalation", esc == null ? "" : esc.path("reason").asString(Json.write(esc)));
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
            if (!input.isObject()) {
                throw ApiError.badRequest("input", "'input' must be a JSON object (the run's input)");
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
