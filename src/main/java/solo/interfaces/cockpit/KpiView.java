package solo.interfaces.cockpit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import solo.interfaces.json.KpiSeries;
import solo.orchestration.report.Kpis;

/** KPIs as the templates show them: a table row per flow, and the four charts over days. */
final class KpiView {
    private KpiView() {}

    static Map<String, Object> row(Kpis.FlowKpis k, String currency) {
        Map<String, Object> m = new HashMap<>();
        m.put("flow", k.flow());
        m.put("runs", k.runs());
        m.put("completed", k.completed());
        m.put("failed", k.failed());
        m.put("in_progress", k.inProgress());
        m.put("cycle_p50", duration(k.cycleTime().p50()));
        m.put("cycle_p95", duration(k.cycleTime().p95()));
        m.put("wait_p50", duration(k.operatorWait().p50()));
        m.put("failure_rate", percent(k.failureRate()));
        m.put("intervention_rate", percent(k.interventionRate()));
        m.put("cost_per_run", k.costPerRun() == null ? "—" : money(k.costPerRun(), currency));
        m.put("cost", money(k.usage().costMicros() / 1_000_000.0, currency));
        m.put("cache_hit_rate", percent(k.cacheHitRate()));
        return m;
    }

    static List<Map<String, Object>> rows(Kpis.Report r) {
        List<Map<String, Object>> out = new ArrayList<>();
        r.flows().forEach(f -> out.add(row(f, r.currency())));
        return out;
    }

    /** Runs per day (by how they ended), cycle time p50/p95, failure and intervention rates, cost per day. */
    static List<Map<String, Object>> charts(KpiSeries.Series s) {
        List<String> days = s.days().stream().map(d -> d.day().toString()).toList();
        List<Double> completed = new ArrayList<>();
        List<Double> failed = new ArrayList<>();
        List<Double> other = new ArrayList<>();
        List<Double> p50 = new ArrayList<>();
        List<Double> p95 = new ArrayList<>();
        List<Double> failure = new ArrayList<>();
        List<Double> intervention = new ArrayList<>();
        List<Double> cost = new ArrayList<>();
        for (KpiSeries.Day d : s.days()) {
            Kpis.FlowKpis k = d.kpis();
            completed.add((double) k.completed());
            failed.add((double) k.failed());
            other.add((double) (k.runs() - k.completed() - k.failed()));
            p50.add(k.cycleTime().p50() == null ? null : k.cycleTime().p50().doubleValue());
            p95.add(k.cycleTime().p95() == null ? null : k.cycleTime().p95().doubleValue());
            failure.add(k.failureRate());
            intervention.add(k.interventionRate());
            cost.add(k.usage().costMicros() / 1_000_000.0);
        }
        String currency = s.currency() == null ? "" : s.currency();
        return List.of(
                Chart.bars("Runs per day", days, List.of(new Chart.Series("completed", "c-ok", completed),
                        new Chart.Series("failed", "c-bad", failed), new Chart.Series("other", "c-other", other)), true,
                        v -> String.valueOf(Math.round(v))),
                Chart.lines("Cycle time", days, List.of(new Chart.Series("p50", "c-1", p50), new Chart.Series("p95", "c-2", p95)),
                        null, v -> duration(Math.round(v))),
                Chart.lines("Failure and human intervention rates", days, List.of(new Chart.Series("failure rate", "c-bad", failure),
                        new Chart.Series("intervention rate", "c-3", intervention)), 1.0, KpiView::percent),
                Chart.bars("Model cost per day" + (currency.isEmpty() ? "" : " (" + currency + ")"), days,
                        List.of(new Chart.Series("cost", "c-1", cost)), false, KpiView::amount));
    }

    static String duration(Long ms) {
        if (ms == null) {
            return "—";
        }
        if (ms < 1000) {
            return ms + " ms";
        }
        double s = ms / 1000.0;
        if (s < 90) {
            return one(s) + " s";
        }
        if (s < 90 * 60) {
            return one(s / 60) + " min";
        }
        if (s < 36 * 3600) {
            return one(s / 3600) + " h";
        }
        return one(s / 86400) + " d";
    }

    static String percent(Double rate) {
        return rate == null ? "—" : Math.round(rate * 100) + "%";
    }

    static String money(double amount, String currency) {
        String n = amount == 0 ? "0" : amount >= 1 ? String.format(Locale.ROOT, "%.2f", amount)
                : String.format(Locale.ROOT, "%.4f", amount);
        return currency == null || currency.isEmpty() ? n : n + " " + currency;
    }

    /** An amount without its currency, as short as it reads: 0.25, 0.0036, 12.5. */
    static String amount(double v) {
        String text = String.format(Locale.ROOT, v >= 1 ? "%.2f" : "%.4f", v);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    private static String one(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.1f", v);
    }
}
