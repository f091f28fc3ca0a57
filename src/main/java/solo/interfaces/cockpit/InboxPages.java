package solo.interfaces.cockpit;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.json.InboxViews;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxEntry;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.inbox.PlaybookAction;
import solo.orchestration.runtime.Run;
import solo.state.Actor;
import solo.state.Event;
import solo.support.InvalidJsonException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * The inbox in the cockpit: the queue (most urgent first) and one item with what is needed to decide it, with
 * a form for each decision and each playbook action. Forms post and come back to the item (303).
 */
final class InboxPages implements CockpitModule {
    private static final int PAGE = 50;
    private static final Map<String, Duration> SNOOZES = Map.of("1h", Duration.ofHours(1), "4h", Duration.ofHours(4),
            "1d", Duration.ofDays(1), "1w", Duration.ofDays(7));
    private final Inbox inbox;
    private final Supplier<Instant> now;

    InboxPages(Inbox inbox, Supplier<Instant> now) {
        this.inbox = inbox;
        this.now = now;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.INBOX, "/inbox");
        c.routes().page("/inbox", ctx -> list(c, ctx));
        c.routes().page("/inbox/{id}", ctx -> show(c, ctx));
        c.routes().form("/inbox/{id}/approve", ctx -> decided(ctx, inbox.approve(open(ctx).id(), Forms.field(ctx, "reason"),
                Actor.OPERATOR)));
        c.routes().form("/inbox/{id}/reject", ctx -> {
            String reason = Forms.field(ctx, "reason");
            if (reason == null) {
                throw ApiError.badRequest("reason", "rejecting needs a reason: it goes into the run's history");
            }
            decided(ctx, inbox.reject(open(ctx).id(), reason, Actor.OPERATOR));
        });
        c.routes().form("/inbox/{id}/edit", ctx -> decided(ctx, inbox.edit(open(ctx).id(), json(ctx, "input", true),
                Forms.field(ctx, "reason"), Actor.OPERATOR)));
        c.routes().form("/inbox/{id}/answer", ctx -> decided(ctx, inbox.answer(open(ctx).id(), json(ctx, "answer", true),
                Forms.field(ctx, "reason"), Actor.OPERATOR)));
        c.routes().form("/inbox/{id}/snooze", ctx -> {
            Duration d = SNOOZES.get(String.valueOf(Forms.field(ctx, "for")));
            if (d == null) {
                throw ApiError.badRequest("for", "snooze for 1h, 4h, 1d or 1w");
            }
            inbox.snooze(open(ctx).id(), now.get().plus(d), Forms.field(ctx, "reason"), Actor.OPERATOR);
            ctx.redirect("/inbox", HttpStatus.SEE_OTHER);
        });
        c.routes().form("/inbox/{id}/do", ctx -> {
            String action = Forms.field(ctx, "action");
            if (action == null) {
                throw ApiError.badRequest("action", "which action?");
            }
            decided(ctx, inbox.act(open(ctx).id(), action, json(ctx, "input", false), Forms.field(ctx, "from"),
                    Forms.field(ctx, "reason"), Actor.OPERATOR));
        });
    }

    private void list(Cockpit c, Context ctx) {
        boolean snoozed = "1".equals(ctx.queryParam("snoozed"));
        int offset = page(ctx.queryParam("offset"));
        Inbox.Page p = inbox.list(offset, PAGE, snoozed);
        List<Map<String, Object>> items = p.items().stream().map(InboxPages::item).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("open", p.open() - p.snoozed());
        model.put("snoozed_count", p.snoozed());
        model.put("showing_snoozed", snoozed);
        model.put("next", offset + items.size() < (snoozed ? p.snoozed() : p.open() - p.snoozed()) ? offset + PAGE : -1);
        model.put("prev", offset > 0 ? Math.max(0, offset - PAGE) : -1);
        c.page(ctx, NavSlot.INBOX, "Inbox", "inbox", model);
    }

    private void show(Cockpit c, Context ctx) {
        InboxItem found = item(ctx);
        InboxEntry e = inbox.show(found.id());
        Map<String, Object> model = new HashMap<>();
        model.put("item", item(e.item()));
        model.put("run", e.run().id());
        model.put("run_status", e.run().status().text());
        List<Map<String, String>> why = new ArrayList<>();
        e.why().properties().forEach(p -> why.add(Map.of("key", p.getKey(), "value", p.getValue().isString()
                ? p.getValue().asString() : Json.write(p.getValue()))));
        model.put("why", why);
        JsonNode proposal = e.proposal();
        model.put("proposal", proposal == null ? "" : Forms.json(shown(proposal)));
        model.put("context_pack", proposal == null ? "" : proposal.path("context_pack").asString(""));
        model.put("form", proposal == null ? "" : Forms.json(proposal.get("form")));
        model.put("edit_input", editable(e));
        model.put("decisions", e.decisions());
        List<Map<String, Object>> actions = new ArrayList<>();
        for (PlaybookAction a : e.actions()) {
            actions.add(Map.of("name", a.name(), "about", InboxViews.about(a), "fork", a instanceof PlaybookAction.Fork));
        }
        model.put("actions", actions);
        model.put("playbook", e.playbook() == null ? "" : e.playbook().name() + (e.playbook().automatic() ? " (automatic)" : ""));
        model.put("failure", e.failure() == null ? "" : e.failure().kind().text());
        model.put("run_input", Forms.json(e.run().input()));
        List<Map<String, String>> history = new ArrayList<>();
        for (Event ev : e.history()) {
            history.add(Map.of("at", Forms.time(ev.at()), "kind", ev.kind(), "actor", ev.actor().text(),
                    "reason", ev.reason() == null ? "" : ev.reason()));
        }
        model.put("history", history);
        c.page(ctx, NavSlot.INBOX, e.item().title(), "inboxitem", model);
    }

    /** The proposal without what the page shows apart (the context pack, the task's form and contract). */
    private static JsonNode shown(JsonNode proposal) {
        var copy = (tools.jackson.databind.node.ObjectNode) proposal.deepCopy();
        copy.remove(List.of("context_pack", "form", "output_contract"));
        return copy;
    }

    /** The input an edit starts from: the action's, or the gate's. */
    private static String editable(InboxEntry e) {
        if (e.step() == null) {
            return "";
        }
        JsonNode input = "gate".equals(e.item().kind()) ? e.step().detail().path("input") : e.step().input();
        return Forms.json(input);
    }

    private static Map<String, Object> item(InboxItem i) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", i.id());
        m.put("kind", i.kind());
        m.put("flow", i.flow());
        m.put("title", i.title());
        m.put("run", i.runId());
        m.put("step", i.stepId());
        m.put("impacts", String.join(", ", i.impacts()));
        m.put("due", Forms.time(i.dueAt()));
        m.put("default", i.defaultDecision() == null ? "" : i.defaultDecision());
        m.put("opened", Forms.time(i.openedAt()));
        m.put("snoozed", Forms.time(i.snoozedUntil()));
        m.put("open", i.open());
        m.put("decision", i.decision() == null ? "" : i.decision() + " by " + i.decidedBy() + " at " + Forms.time(i.closedAt()));
        return m;
    }

    private InboxItem item(Context ctx) {
        String id = ctx.pathParam("id");
        return inbox.find(id).orElseThrow(() -> ApiError.notFound("no inbox item " + id));
    }

    private InboxItem open(Context ctx) {
        InboxItem i = item(ctx);
        if (!i.open()) {
            throw new ApiError(409, "inbox item " + i.id() + " was decided already: " + i.decision() + " by " + i.decidedBy());
        }
        return i;
    }

    private static void decided(Context ctx, Run run) {
        ctx.redirect("/inbox/" + ctx.pathParam("id"), HttpStatus.SEE_OTHER);
    }

    private static JsonNode json(Context ctx, String field, boolean required) {
        String text = Forms.field(ctx, field);
        if (text == null) {
            if (required) {
                throw ApiError.badRequest(field, "'" + field + "' is required (a JSON object)");
            }
            return null;
        }
        try {
            JsonNode n = Json.parse(text, field);
            if (!n.isObject()) {
                throw ApiError.badRequest(field, "'" + field + "' must be a JSON object");
            }
            return n;
        } catch (InvalidJsonException e) {
            throw ApiError.badRequest(field, e.getMessage());
        }
    }

    private static int page(String offset) {
        try {
            return offset == null ? 0 : Math.max(0, Integer.parseInt(offset));
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("offset", "offset must be a whole number");
        }
    }
}
