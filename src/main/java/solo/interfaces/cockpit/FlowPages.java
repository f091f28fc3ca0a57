package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import solo.interfaces.http.server.ApiError;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.FlowException;
import solo.orchestration.report.Kpis;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.RunControl;
import solo.support.SoloException;

/** Flows: the list (valid or with problems) and each flow drawn as a graph, with its versions, KPIs and recent runs. */
final class FlowPages implements CockpitModule {
    private final FlowCatalog flows;
    private final RunControl runs;
    private final Kpis kpis;
    private final Supplier<Instant> now;

    FlowPages(FlowCatalog flows, RunControl runs, Kpis kpis, Supplier<Instant> now) {
        this.flows = flows;
        this.runs = runs;
        this.kpis = kpis;
        this.now = now;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.FLOWS, "/flows");
        c.routes().page("/flows", ctx -> list(c, ctx));
        c.routes().page("/flows/{name}", ctx -> show(c, ctx));
    }

    private void list(Cockpit c, Context ctx) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : flows.names()) {
            Map<String, Object> m = new HashMap<>();
            m.put("name", name);
            try {
                FlowDefinition def = flows.current(name);
                m.put("valid", true);
                m.put("description", def.description());
                m.put("steps", def.steps().size());
                m.put("triggers", def.triggers().stream().map(t -> solo.interfaces.json.FlowViews.trigger(t).path("kind")
                        .asString()).distinct().toList());
            } catch (SoloException e) {
                m.put("valid", false);
                m.put("problems", e instanceof FlowException f ? f.problems() : List.of(e.getMessage()));
            }
            rows.add(m);
        }
        c.page(ctx, NavSlot.FLOWS, "Flows", "flows", Map.of("flows", rows));
    }

    private void show(Cockpit c, Context ctx) {
        String name = ctx.pathParam("name");
        if (!flows.names().contains(name)) {
            throw ApiError.notFound("no flow '" + name + "'");
        }
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        model.put("versions", flows.history(name).stream().map(v -> Map.of("version", v.get("version"), "hash",
                v.get("hash").toString().substring(0, 12), "created", Forms.time(Instant.ofEpochMilli((Long) v.get("created_at")))))
                .toList());
        model.put("runs", RunView.runs(runs.list(name, null, 20)));
        Instant t = now.get();
        List<Map<String, Object>> windows = new ArrayList<>();
        for (int days : new int[] {7, 30}) {
            Kpis.Report r = kpis.compute(name, t.minus(Duration.ofDays(days)), t.plusMillis(1));
            Map<String, Object> row = KpiView.row(r.overall(), r.currency());
            row.put("flow", "last " + days + " days");
            windows.add(row);
        }
        model.put("kpis", windows);
        try {
            FlowDefinition def = flows.current(name);
            model.put("valid", true);
            model.put("description", def.description());
            model.put("diagram", FlowDiagram.of(def).model());
            model.put("triggers", def.triggers().stream().map(x -> solo.interfaces.json.FlowViews.trigger(x).toString()).toList());
            model.put("text", def.text());
        } catch (SoloException e) {
            model.put("valid", false);
            model.put("problems", e instanceof FlowException f ? f.problems() : List.of(e.getMessage()));
        }
        c.page(ctx, NavSlot.FLOWS, "Flow " + name, "flow", model);
    }
}
