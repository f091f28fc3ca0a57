package solo.interfaces.json;

import solo.orchestration.report.Kpis;
import solo.orchestration.report.ModelUsage;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shape of the KPIs, shared by {@code solo kpi --json} and {@code GET /api/kpi}. */
public final class KpiViews {
    private KpiViews() {}

    public static ObjectNode report(Kpis.Report r) {
        ObjectNode o = Json.object().put("since", r.since().toString()).put("until", r.until().toString())
                .put("currency", r.currency());
        o.set("overall", flow(r.overall()));
        ArrayNode flows = o.putArray("flows");
        r.flows().forEach(f -> flows.add(flow(f)));
        return o;
    }

    public static ObjectNode flow(Kpis.FlowKpis k) {
        ObjectNode o = Json.object().put("flow", k.flow()).put("runs", k.runs()).put("completed", k.completed())
                .put("failed", k.failed()).put("cancelled", k.cancelled()).put("rolled_back", k.rolledBack())
                .put("in_progress", k.inProgress());
        o.set("cycle_time_ms", percentiles(k.cycleTime()));
        o.set("operator_wait_ms", percentiles(k.operatorWait()));
        o.put("failure_rate", k.failureRate()).put("human_intervention_rate", k.interventionRate());
        ModelUsage.Totals u = k.usage();
        o.put("model_calls", u.calls()).put("cost", u.costMicros() / 1_000_000.0).put("cost_per_run", k.costPerRun());
        o.putObject("tokens").put("input", u.inputTokens()).put("output", u.outputTokens());
        o.put("cache_hit_rate", k.cacheHitRate());
        return o;
    }

    private static ObjectNode percentiles(Kpis.Percentiles p) {
        return Json.object().put("p50", p.p50()).put("p95", p.p95()).put("of", p.of());
    }
}
