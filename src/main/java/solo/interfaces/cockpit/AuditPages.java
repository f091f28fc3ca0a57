package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import solo.orchestration.runtime.RunControl;
import solo.state.Event;
import solo.state.Store;
import solo.state.audit.ChainReport;

/**
 * Audit: the hash chain's status (verified on request: it reads every event), the history of anything by its id
 * (an entity, an artifact, a run and the writes it made), and the newest events.
 */
final class AuditPages implements CockpitModule {
    private static final int RECENT = 30;
    private final Store store;
    private final RunControl runs;

    AuditPages(Store store, RunControl runs) {
        this.store = store;
        this.runs = runs;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.AUDIT, "/audit");
        c.routes().page("/audit", ctx -> show(c, ctx));
    }

    private void show(Cockpit c, Context ctx) {
        Map<String, Object> model = new HashMap<>();
        long last = store.lastSeq();
        model.put("last_seq", last);
        if ("1".equals(ctx.queryParam("verify"))) {
            ChainReport r = store.verify();
            model.put("verified", true);
            model.put("ok", r.ok());
            model.put("report", r.toString());
        }
        String id = Forms.param(ctx, "id");
        if (id == null) {
            id = Forms.param(ctx, "entity"); // the older link's name
        }
        if (id != null) {
            List<Event> about = store.history(id);
            List<Event> made = store.eventsOfRun(id);
            model.put("id", id);
            model.put("entity_now", store.find(id).isPresent());
            model.put("artifact_now", store.artifact(id).isPresent());
            model.put("history", about.reversed().stream().map(EntityPages::event).toList());
            model.put("made", made.reversed().stream().map(EntityPages::event).toList());
            model.put("run", runs.find(id).isPresent());
        }
        List<Event> recent = store.events(Math.max(0, last - RECENT), RECENT);
        model.put("recent", recent.reversed().stream().map(EntityPages::event).toList());
        c.page(ctx, NavSlot.AUDIT, "Audit", "audit", model);
    }
}
