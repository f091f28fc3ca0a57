package solo.interfaces.cli;

import java.time.Instant;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.KpiViews;
import solo.orchestration.report.Kpis;
import solo.support.SoloException;

/** {@code solo kpi [--flow F] [--since 7d] [--json]}: how the company's flows are going. */
@Command(name = "kpi", description = "Runs, cycle time (and the part waiting for you), failure and intervention rates, cost,"
        + " tokens and cache hits, per flow, for the runs triggered in a window.")
final class KpiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--flow", description = "Only this flow.")
    String flow;

    @Option(names = "--since", defaultValue = "7d", paramLabel = "WHEN",
            description = "How far back (7d, 24h) or from when (2030-01-01T00:00:00Z); default 7d.")
    String since = "7d";

    @Option(names = "--until", paramLabel = "WHEN", description = "Up to when (a time; default now).")
    String until;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            Instant now = solo.orchestrator().clockNow();
            Instant from = time("--since", since, now, true);
            Instant to = until == null ? now.plusMillis(1) : time("--until", until, now, true);
            if (!from.isBefore(to)) {
                throw new SoloException("--since must come before --until");
            }
            if (flow != null && !solo.orchestrator().flows().names().contains(flow)
                    && solo.orchestrator().runs().list(flow, null, 1).isEmpty()) {
                throw new SoloException("--flow " + flow + ": no such flow (flows: " + String.join(", ",
                        solo.orchestrator().flows().names()) + ")");
            }
            Kpis.Report r = solo.orchestrator().kpis().compute(flow, from, to);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(KpiViews.report(r));
                return;
            }
            out.line("KPIs of the runs triggered %s — %s", Printer.time(r.since()), Printer.time(r.until()));
            out.line("%-24s %5s %5s %5s %12s %12s %12s %8s %8s %10s %9s %8s", "flow", "runs", "done", "fail",
                    "cycle p50", "cycle p95", "wait p50", "failure", "human", "cost/run", "tokens", "cache");
            for (Kpis.FlowKpis k : r.flows()) {
                line(out, k, r.currency());
            }
            if (r.flows().size() != 1) {
                line(out, r.overall(), r.currency());
            }
        }
    }

    /** A duration back from now (7d, 24h), or a time. */
    static Instant time(String option, String text, Instant now, boolean back) {
        try {
            java.time.Duration d = solo.orchestration.flow.Durations.parse(text);
            return back ? now.minus(d) : now.plus(d);
        } catch (IllegalArgumentException notDuration) {
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw new SoloException(option + " " + text + ": a duration (7d, 24h) or a time (2030-01-01T00:00:00Z)");
            }
        }
    }

    private static void line(Printer out, Kpis.FlowKpis k, String currency) {
        out.line("%-24s %5d %5d %5d %12s %12s %12s %8s %8s %10s %9d %8s", k.flow().equals("*") ? "(all flows)" : k.flow(),
                k.runs(), k.completed(), k.failed(), ms(k.cycleTime().p50()), ms(k.cycleTime().p95()),
                ms(k.operatorWait().p50()), pct(k.failureRate()), pct(k.interventionRate()),
                k.costPerRun() == null ? "-" : String.format(Locale.ROOT, "%.4f", k.costPerRun()),
                k.usage().inputTokens() + k.usage().outputTokens(), pct(k.cacheHitRate()));
    }

    static String ms(Long ms) {
        if (ms == null) {
            return "-";
        }
        if (ms < 1000) {
            return ms + "ms";
        }
        if (ms < 120_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        if (ms < 2 * 3_600_000) {
            return String.format(Locale.ROOT, "%.1fm", ms / 60_000.0);
        }
        return String.format(Locale.ROOT, "%.1fh", ms / 3_600_000.0);
    }

    static String pct(Double rate) {
        return rate == null ? "-" : String.format(Locale.ROOT, "%.0f%%", rate * 100);
    }
}
