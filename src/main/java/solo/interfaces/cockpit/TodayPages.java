package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import solo.interfaces.http.auth.Guard;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RunStatus;

/**
 * Today: the inbox first (its panel is the inbox module's), then what is running (or queued, or waiting for its
 * time) and what failed, then the KPIs at a glance (the KPI module's panel).
 */
final class TodayPages implements CockpitModule {
    private static final int ROWS = 20;
    private final RunControl runs;

    TodayPages(RunControl runs) {
        this.runs = runs;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.TODAY, "/");
        c.today(TodayPanel.RUNNING, ctx -> new TodayPanel.View("panels/runs", Map.of("heading", "In progress",
                "empty", "Nothing is running or waiting.", "runs", active(), "more", "/runs")));
        c.today(TodayPanel.FAILED, ctx -> new TodayPanel.View("panels/runs", Map.of("heading", "Failed",
                "empty", "No failed runs.", "runs", RunView.runs(runs.list(null, RunStatus.FAILED, ROWS)), "retry", true,
                "more", "/runs?status=failed")));
        c.routes().page("/", ctx -> today(c, ctx));
    }

    private void today(Cockpit c, Context ctx) {
        List<String> panels = new ArrayList<>();
        for (TodayPanel p : c.todayPanels()) {
            TodayPanel.View v = p.view(ctx);
            if (v != null) {
                Map<String, Object> model = new HashMap<>(v.model());
                model.put("csrf", c.csrf(ctx));
                model.put("csrf_field", Guard.CSRF_FIELD);
                panels.add(c.fragment(v.template(), model));
            }
        }
        c.page(ctx, NavSlot.TODAY, "Today", "today", Map.of("panels", panels));
    }

    private List<Map<String, Object>> active() {
        List<Map<String, Object>> out = new ArrayList<>(RunView.runs(runs.list(null, RunStatus.RUNNING, ROWS)));
        out.addAll(RunView.runs(runs.list(null, RunStatus.QUEUED, ROWS)));
        out.addAll(RunView.runs(runs.list(null, RunStatus.WAITING, ROWS)));
        return out;
    }
}
