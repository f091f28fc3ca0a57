package solo.interfaces.cockpit;

import java.util.List;
import solo.app.Solo;
import solo.interfaces.http.auth.Sessions;
import solo.interfaces.http.server.Failure;
import io.javalin.http.Context;

/** The cockpit's own modules, in navigation order; the inbox, search and KPI modules join this list. */
public final class CockpitPages {
    private CockpitPages() {}

    public static List<CockpitModule> standard(Solo solo, Sessions sessions, int sessionHours) {
        var o = solo.orchestrator();
        return List.of(new Assets(), new LoginPages(sessions, sessionHours), new TodayPages(o.runs()),
                new InboxPages(o.inbox(), o::clockNow), new RunPages(o.runs(), o.flows(), o.inbox()), new FlowPages(o.flows(), o.runs()), new EntityPages(solo.store()),
                new AuditPages(solo.store()));
    }

    /** The error page renderer for the server (people get HTML, programs JSON). */
    public static void error(Cockpit cockpit, Context ctx, Failure f) {
        cockpit.error(ctx, f);
    }
}
