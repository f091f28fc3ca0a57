package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import solo.state.Event;
import solo.state.Store;
import solo.state.audit.ChainReport;

/** Audit: the hash chain's status (verified on request: it reads every event), recent events, any entity's history. */
final class AuditPages implements CockpitModule {
    private final Store store;

    AuditPages(Store store) {
        this.store = store;
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
        String id = ctx.queryParam("entity");
        if (id != null && !id.isBlank()) {
            model.put("entity", id.trim());
            model.put("found", store.find(id.trim()).isPresent());
            model.put("history", store.history(id.trim()).reversed().stream().map(EntityPages::event).toList());
        }
        List<Event> recent = store.events(Math.max(0, last - 30), 30);
        model.put("recent", recent.reversed().stream().map(EntityPages::event).toList());
        c.page(ctx, NavSlot.AUDIT, "Audit", "audit", model);
    }
}
