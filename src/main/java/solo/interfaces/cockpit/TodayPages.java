package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;

/** Today: what waits for the operator first, then what is running (or queued, or waiting for its time) and what failed. */
final class TodayPages implements CockpitModule {
    private final RunControl runs;

    TodayPages(RunControl runs) {
        this.runs = runs;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.TODAY, "/");
        c.today(TodayPanel.GATES, ctx -> new TodayPanel.View("panels/gates", Map.of("gates", gates(), "back", "/")));
        c.today(TodayPanel.RUNNING, ctx -> new TodayPanel.View("panels/runs", Map.of("heading", "In progress",
                "empty", "Nothing is running or waiting.", "runs", active())));
        c.today(TodayPanel.FAILED, ctx -> new TodayPanel.View("panels/runs", Map.of("heading", "Failed",
                "empty", "No failed runs.", "runs", RunView.runs(runs.list(null, RunStatus.FAILED, 20)), "retry", true)));
        c.routes().page("/", ctx -> today(c, ctx));
    }

    private void today(Cockpit c, Context ctx) {
        List<String> panels = new ArrayList<>();
        for (TodayPanel p : c.todayPanels()) {
            TodayPanel.View v = p.view(ctx);
            if (v != null) {
                Map<String, Object> model = new java.util.HashMap<>(v.model());
                model.put("csrf", c.csrf(ctx));
                model.put("csrf_field", solo.interfaces.http.auth.Guard.CSRF_FIELD);
                panels.add(c.fragment(v.template(), model));
            }
        }
        c.page(ctx, NavSlot.TODAY, "Today", "today", Map.of("panels", panels));
    }

    private List<Map<String, Object>> gates() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StepRecord s : runs.waitingForOperator(50)) {
            Map<String, Object> m = new java.util.HashMap<>(RunView.step(s));
            runs.find(s.runId()).ifPresent(r -> m.put("flow", r.flow()));
            out.add(m);
        }
        return out;
    }

    private List<Map<String, Object>> active() {
        List<Map<String, Object>> out = new ArrayList<>(RunView.runs(runs.list(null, RunStatus.RUNNING, 20)));
        out.addAll(RunView.runs(runs.list(null, RunStatus.QUEUED, 20)));
        out.addAll(RunView.runs(runs.list(null, RunStatus.WAITING, 20)));
        return out;
    }
}
