package solo.interfaces.http.api;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.KpiSeries;
import solo.interfaces.json.KpiViews;
import solo.orchestration.flow.Durations;
import solo.orchestration.report.Kpis;

/** The KPIs of the runs triggered in a window, per flow and overall; and day by day. */
public final class KpiApi implements WebModule {
    private final Kpis kpis;
    private final Supplier<Instant> clock;
    private final ZoneId zone;

    /** {@code zone}: the company's time zone, where days begin for {@code /api/kpi/daily}. */
    public KpiApi(Kpis kpis, Supplier<Instant> clock, ZoneId zone) {
        this.kpis = kpis;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/kpi", ApiDoc.of("kpi", "Runs, cycle time p50/p95 (and the part waiting for the operator), failure and"
                + " human intervention rates, cost per run, tokens and cache hit rate, per flow and overall")
                .query("flow", "string", "only this flow").query("since", "string", "a duration back from now (7d, default) or a time")
                .query("until", "string", "a duration back from now or a time (default: now)").returns(200, "KpiReport").errors(400),
                this::get);
        r.get("/api/kpi/daily", ApiDoc.of("kpi", "The same KPIs day by day (the company's time zone), oldest first: for charts"
                + " of runs, cycle time, failure and intervention rates and cost over time")
                .query("flow", "string", "only this flow").query("days", "integer", "1-" + KpiSeries.MAX_DAYS + " (default 30)")
                .returns(200, "KpiDaily").errors(400), this::daily);
    }

    private void daily(Context ctx) {
        int days = Requests.intParam(ctx, "days", 30, 1, KpiSeries.MAX_DAYS);
        ctx.json(KpiSeries.json(KpiSeries.daily(kpis, Requests.param(ctx, "flow"), days, zone, clock.get())));
    }

    private void get(Context ctx) {
        Instant now = clock.get();
        Instant since = time(ctx, "since", now, "7d");
        String untilText = Requests.param(ctx, "until");
        Instant until = untilText == null ? now.plusMillis(1) : time(ctx, "until", now, null);
        if (!since.isBefore(until)) {
            throw ApiError.badRequest("since", "'since' must come before 'until'");
        }
        ctx.json(KpiViews.report(kpis.compute(Requests.param(ctx, "flow"), since, until)));
    }

    private static Instant time(Context ctx, String name, Instant now, String dflt) {
        String text = Requests.param(ctx, name);
        if (text == null) {
            text = dflt;
        }
        try {
            Duration back = Durations.parse(text);
            return now.minus(back);
        } catch (IllegalArgumentException notDuration) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiError.badRequest(name, "query parameter '" + name + "' must be a duration (7d, 24h) or a time"
                        + " (2030-01-01T00:00:00Z)");
            }
        }
    }
}
