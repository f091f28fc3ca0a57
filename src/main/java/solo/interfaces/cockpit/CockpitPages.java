package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.time.ZoneId;
import java.util.List;
import solo.app.Solo;
import solo.interfaces.http.auth.Sessions;
import solo.interfaces.http.server.Failure;
import solo.interfaces.json.RunDetails;

/** The cockpit's modules, in navigation order. */
public final class CockpitPages {
    private CockpitPages() {}

    /**
     * @param runDetails runs with their model calls and decisions (shared with the API)
     * @param zone the company's time zone, where the KPI charts' days begin
     */
    public static List<CockpitModule> standard(Solo solo, Sessions sessions, int sessionHours, RunDetails runDetails, ZoneId zone) {
        var o = solo.orchestrator();
        return List.of(new Assets(), new LoginPages(sessions, sessionHours), new TodayPages(o.runs()),
                new InboxPages(o.inbox(), o.runs(), o::clockNow), new RunPages(o.runs(), o.flows(), o.inbox(), runDetails),
                new FlowPages(o.flows(), o.runs(), o.kpis(), o::clockNow), new EntityPages(solo.store(), solo::memory),
                new SearchPages(solo::memory, solo.store()), new KpiPages(o.kpis(), o.flows(), o::clockNow, zone),
                new AuditPages(solo.store(), o.runs()));
    }

    /** The error page renderer for the server (people get HTML, programs JSON). */
    public static void error(Cockpit cockpit, Context ctx, Failure f) {
        cockpit.error(ctx, f);
    }
}
