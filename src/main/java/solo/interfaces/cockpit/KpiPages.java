package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import solo.interfaces.json.KpiSeries;
import solo.orchestration.report.Kpis;
import solo.orchestration.runtime.FlowCatalog;

/**
 * KPIs: at a glance on Today (each flow over the last 7 days), and a page of charts over time — runs per day,
 * cycle time p50/p95, failure and intervention rates, model cost — drawn as SVG on the server, with the same
 * numbers as tables; by flow and over 7, 30 or 90 days.
 */
final class KpiPages implements CockpitModule {
    private static final List<Integer> WINDOWS = List.of(7, 30, 90);
    private final Kpis kpis;
    private final FlowCatalog flows;
    private final Supplier<Instant> now;
    private final ZoneId zone;

    KpiPages(Kpis kpis, FlowCatalog flows, Supplier<Instant> now, ZoneId zone) {
        this.kpis = kpis;
        this.flows = flows;
        this.now = now;
        this.zone = zone;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.KPIS, "/kpi");
        c.today(TodayPanel.KPIS, ctx -> {
            Instant t = now.get();
            Kpis.Report r = kpis.compute(null, t.minus(Duration.ofDays(7)), t.plusMillis(1));
            return new TodayPanel.View("panels/kpis", Map.of("rows", KpiView.rows(r), "overall",
                    KpiView.row(r.overall(), r.currency())));
        });
        c.routes().page("/kpi", ctx -> show(c, ctx));
    }

    private void show(Cockpit c, Context ctx) {
        String flow = ctx.queryParam("flow");
        if (flow == null || flow.isBlank() || !flows.names().contains(flow)) {
            flow = null;
        }
        int days = 30;
        try {
            days = Integer.parseInt(String.valueOf(ctx.queryParam("days")));
        } catch (NumberFormatException e) {
            // the default window
        }
        if (!WINDOWS.contains(days)) {
            days = 30;
        }
        Instant t = now.get();
        KpiSeries.Series series = KpiSeries.daily(kpis, flow, days, zone, t);
        Instant since = series.days().getFirst().day().atStartOfDay(zone).toInstant();
        Kpis.Report window = kpis.compute(flow, since, t.plusMillis(1));
        Map<String, Object> model = new HashMap<>();
        model.put("flows", flows.names());
        model.put("flow", flow == null ? "" : flow);
        model.put("windows", WINDOWS);
        model.put("days", days);
        model.put("zone", zone.getId());
        model.put("charts", KpiView.charts(series));
        model.put("rows", KpiView.rows(window));
        model.put("overall", KpiView.row(window.overall(), window.currency()));
        c.page(ctx, NavSlot.KPIS, "KPIs" + (flow == null ? "" : ": " + flow), "kpi", model);
    }
}
