package solo.interfaces.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import solo.orchestration.report.Kpis;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The KPIs day by day (in the company's time zone), for charts over time: each day's runs are those triggered
 * that day, measured as {@link Kpis} measures any window. Shared by {@code GET /api/kpi/daily} and the cockpit.
 */
public final class KpiSeries {
    public static final int MAX_DAYS = 90;

    private KpiSeries() {}

    public record Day(LocalDate day, Kpis.FlowKpis kpis) {}

    /** {@code flow} null: every flow. */
    public record Series(String flow, ZoneId zone, String currency, List<Day> days) {}

    /** The last {@code days} days up to today, oldest first; of one flow, or of all (null). */
    public static Series daily(Kpis kpis, String flow, int days, ZoneId zone, Instant now) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be from 1 to " + MAX_DAYS);
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<Day> out = new ArrayList<>(days);
        String currency = null;
        for (LocalDate d = today.minusDays(days - 1L); !d.isAfter(today); d = d.plusDays(1)) {
            Instant since = d.atStartOfDay(zone).toInstant();
            Instant until = d.plusDays(1).atStartOfDay(zone).toInstant();
            Kpis.Report r = kpis.compute(flow, since, until);
            currency = r.currency();
            out.add(new Day(d, r.overall()));
        }
        return new Series(flow, zone, currency, List.copyOf(out));
    }

    public static ObjectNode json(Series s) {
        ObjectNode o = Json.object().put("flow", s.flow()).put("timezone", s.zone().getId()).put("currency", s.currency());
        ArrayNode a = o.putArray("days");
        for (Day d : s.days()) {
            ObjectNode k = KpiViews.flow(d.kpis());
            k.remove("flow");
            a.add(Json.object().put("day", d.day().toString()).setAll(k));
        }
        return o;
    }
}
