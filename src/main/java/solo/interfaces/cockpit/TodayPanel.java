package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.util.Map;

/**
 * One panel of the Today page: the inbox first, then running and failed runs, KPIs at a glance. A module
 * adds one with {@code cockpit.today(order, panel)}; the page asks each panel for its template and model on
 * every view.
 */
@FunctionalInterface
public interface TodayPanel {
    /** Order numbers in use: 10 the inbox, 30 running, 40 failed, 50 KPIs at a glance. */
    int INBOX = 10;
    int RUNNING = 30;
    int FAILED = 40;
    int KPIS = 50;

    /** A template under templates/ and the values it shows; null to show nothing now. */
    View view(Context ctx);

    record View(String template, Map<String, Object> model) {}
}
