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
import solo.orchestration.runtime.RunControl;
import solo.state.Actor;
import solo.state.Event;
import solo.support.InvalidJsonException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbox in the cockpit: the queue (most urgent first), its first items on Today with one-click decisions
 * where that is safe, and one item with everything needed to decide it — what it proposes, the context pack,
 * why it is here, its run — and a form for each decision: approve, edit the fields then approve, reject with a
 * reason, answer a task in a form made from the agent's output contract, snooze, and the playbook's actions.
 * Forms post and come back (303) to the item, or to the page they came from.
 */
final class InboxPages implements CockpitModule {
    private static final int PAGE = 50;
    private static final int TODAY = 10;
    private static final Map<String, Duration> SNOOZES = Map.of("1h", Duration.ofHours(1), "4h", Duration.ofHours(4),
            "1d", Duration.ofDays(1), "1w", Duration.ofDays(7));
    private static final String FIELD = "field.";
    private static final String ANSWER = "answer.";
    private final Inbox inbox;
    private final RunControl runs;
    private final Supplier<Instant> now;

    InboxPages(Inbox inbox, RunControl runs, Supplier<Instant> now) {
        this.inbox = inbox;
        this.runs = runs;
        this.now = now;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.INBOX, "/inbox");
        c.today(TodayPanel.INBOX, ctx -> new TodayPanel.View("panels/inbox", today()));
        c.routes().page("/inbox", ctx -> list(c, ctx));
        c.routes().page("/inbox/{id}", ctx -> show(c, ctx));
        c.routes().form("/inbox/{id}/approve", ctx -> {
            inbox.approve(open(ctx).id(), Forms.field(ctx, "reason"), Actor.OPERATOR);
            Forms.back(ctx, itemPath(ctx));
        });
        c.routes().form("/inbox/{id}/reject", ctx -> {
            InboxItem item = open(ctx);
            String reason = Forms.field(ctx, "reason");
            if (reason == null) {
                throw ApiError.badRequest("reason", "rejecting needs a reason: it goes into the run's history");
            }
            inbox.reject(item.id(), reason, Actor.OPERATOR);
            Forms.back(ctx, itemPath(ctx));
        });
        c.routes().form("/inbox/{id}/edit", ctx -> {
            InboxItem item = open(ctx);
            inbox.edit(item.id(), edits(ctx, item), Forms.field(ctx, "reason"), Actor.OPERATOR);
            Forms.back(ctx, itemPath(ctx));
        });
        c.routes().form("/inbox/{id}/answer", ctx -> {
            InboxItem item = open(ctx);
            inbox.answer(item.id(), answer(ctx, item), Forms.field(ctx, "reason"), Actor.OPERATOR);
            Forms.back(ctx, itemPath(ctx));
        });
        c.routes().form("/inbox/{id}/snooze", ctx -> {
            InboxItem item = open(ctx);
            Duration d = SNOOZES.get(String.valueOf(Forms.field(ctx, "for")));
            if (d == null) {
                throw ApiError.badRequest("for", "snooze for 1h, 4h, 1d or 1w");
            }
            inbox.snooze(item.id(), now.get().plus(d), Forms.field(ctx, "reason"), Actor.OPERATOR);
            Forms.back(ctx, "/inbox");
        });
        c.routes().form("/inbox/{id}/do", ctx -> {
            InboxItem item = open(ctx);
            String action = Forms.field(ctx, "action");
            if (action == null) {
                throw ApiError.badRequest("action", "which action?");
            }
            var run = inbox.act(item.id(), action, json(ctx, "input", false), Forms.field(ctx, "from"), Forms.field(ctx, "reason"),
                    Actor.OPERATOR);
            // a fork is a new run: show it; anything else comes back to the item
            ctx.redirect("fork".equals(action) && !run.id().equals(item.runId()) ? "/runs/" + run.id() : itemPath(ctx),
                    HttpStatus.SEE_OTHER);
        });
    }

    /**
     * Whether Today may approve the item in one click: a gate or an action waiting for approval, with no money and
     * nothing irreversible at stake. Everything else (tasks, failures, budgets, unknown outcomes, money) opens.
     */
    static boolean oneClick(InboxItem i) {
        return ("gate".equals(i.kind()) || "approval".equals(i.kind())) && !i.impacts().contains("money")
                && !i.impacts().contains("irreversible");
    }

    private Map<String, Object> today() {
        Inbox.Page p = inbox.list(0, TODAY, false);
        Map<String, Object> model = new HashMap<>();
        model.put("items", p.items().stream().map(InboxPages::item).toList());
        long open = p.open() - p.snoozed();
        model.put("open", open);
        model.put("more", Math.max(0, open - p.items().size()));
        model.put("snoozed_count", p.snoozed());
        return model;
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
        InboxEntry e = inbox.show(item(ctx).id());
        Map<String, Object> model = new HashMap<>();
        model.put("item", item(e.item()));
        model.put("run", Map.of("id", e.run().id(), "status", e.run().status().text(), "flow", e.run().flow(),
                "version", e.run().flowVersion(), "created", Forms.time(e.run().createdAt())));
        model.put("run_steps", runs.steps(e.run().id()).stream().map(s -> Map.of("id", s.stepId(), "kind", s.kind(),
                "status", s.status().text(), "current", s.stepId().equals(e.item().stepId()))).toList());
        model.put("why", Fields.of(e.why()));
        JsonNode proposal = e.proposal();
        JsonNode input = proposal == null ? null : proposal.get("input");
        model.put("proposal", Fields.of(shown(proposal)));
        model.put("proposal_input", Fields.of(input));
        model.put("prompt", proposal == null ? "" : proposal.path("prompt").asString(e.why().path("prompt").asString("")));
        model.put("context_pack", proposal == null ? "" : proposal.path("context_pack").asString(""));
        model.put("edit_fields", editFields(editable(e)));
        model.put("answer_fields", answerFields(proposal));
        model.put("decisions", e.decisions());
        List<Map<String, Object>> actions = new ArrayList<>();
        for (PlaybookAction a : e.actions()) {
            actions.add(Map.of("name", a.name(), "about", InboxViews.about(a), "fork", a instanceof PlaybookAction.Fork,
                    "from", a instanceof PlaybookAction.Fork f && f.from() != null ? f.from() : e.item().stepId()));
        }
        model.put("actions", actions);
        model.put("playbook", e.playbook() == null ? "" : e.playbook().name() + (e.playbook().automatic() ? " (automatic)" : ""));
        model.put("playbook_about", e.playbook() == null || e.playbook().description() == null ? "" : e.playbook().description());
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

    /** The proposal without what the page shows apart (the input, the prompt, the context pack, the task's form and contract). */
    private static JsonNode shown(JsonNode proposal) {
        if (proposal == null || !proposal.isObject()) {
            return null;
        }
        ObjectNode copy = (ObjectNode) proposal.deepCopy();
        copy.remove(List.of("input", "prompt", "context_pack", "form", "output_contract"));
        return copy;
    }

    /** The input an edit starts from: the action's, or the gate's (null when there is nothing to edit). */
    private static JsonNode editable(InboxEntry e) {
        if (e.step() == null || !e.decisions().contains("edit")) {
            return null;
        }
        JsonNode input = "gate".equals(e.item().kind()) ? e.step().detail().path("input") : e.step().input();
        return input != null && input.isObject() ? input : null;
    }

    /** One form field per field of the input, typed as its current value. */
    private static List<Map<String, Object>> editFields(JsonNode input) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (input == null) {
            return out;
        }
        input.properties().forEach(p -> {
            String type = Fields.type(p.getValue());
            String value = FormValues.shown(p.getValue(), type, null);
            out.add(Map.of("name", p.getKey(), "param", FIELD + p.getKey(), "type", type, "value", value,
                    "long", "json".equals(type) || value.length() > 70 || value.contains("\n")));
        });
        return out;
    }

    /** The task's form (from the agent's output contract): one field each, with its type, options and bounds. */
    private static List<Map<String, Object>> answerFields(JsonNode proposal) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (proposal == null) {
            return out;
        }
        for (JsonNode f : proposal.path("form").path("fields")) {
            Map<String, Object> m = new HashMap<>();
            String type = f.path("type").asString("any");
            String itemType = f.path("item_type").asString(null);
            m.put("name", f.path("name").asString());
            m.put("param", ANSWER + f.path("name").asString());
            m.put("type", type);
            m.put("required", f.path("required").asBoolean(false));
            m.put("description", f.path("description").asString(""));
            List<String> options = new ArrayList<>();
            f.path("options").forEach(o -> options.add(o.asString()));
            m.put("options", options);
            m.put("min", f.path("minimum").isNumber() ? Json.write(f.get("minimum")) : "");
            m.put("max", f.path("maximum").isNumber() ? Json.write(f.get("maximum")) : "");
            m.put("lines", "array".equals(type) && FormValues.lines(itemType));
            m.put("hint", switch (type) {
                case "array" -> FormValues.lines(itemType) ? "one per line" : "a JSON list";
                case "object", "any" -> "JSON";
                default -> "";
            });
            out.add(m);
        }
        return out;
    }

    /** The edit: the fields whose value changed (typed as they were), or the {@code input} JSON object as a whole. */
    private JsonNode edits(Context ctx, InboxItem item) {
        JsonNode whole = json(ctx, "input", false);
        if (whole != null) {
            return whole;
        }
        JsonNode before = editable(inbox.show(item.id()));
        if (before == null) {
            throw ApiError.badRequest("input", "inbox item " + item.id() + " has no input to edit");
        }
        ObjectNode edits = Json.object();
        before.properties().forEach(p -> {
            String raw = ctx.formParam(FIELD + p.getKey());
            if (raw != null) {
                JsonNode v = FormValues.parse(p.getKey(), Fields.type(p.getValue()), null, raw);
                if (!Json.write(v).equals(Json.write(p.getValue()))) {
                    edits.set(p.getKey(), v);
                }
            }
        });
        if (edits.isEmpty()) {
            throw ApiError.badRequest("input", "nothing was changed: edit a field, or approve it as it is");
        }
        return edits;
    }

    /** The task's answer: the {@code answer} JSON object as a whole, or built from the form's fields (blank ones left out). */
    private JsonNode answer(Context ctx, InboxItem item) {
        JsonNode whole = json(ctx, "answer", false);
        if (whole != null) {
            return whole;
        }
        JsonNode proposal = inbox.show(item.id()).proposal();
        ObjectNode answer = Json.object();
        for (Map<String, Object> f : answerFields(proposal)) {
            String raw = ctx.formParam((String) f.get("param"));
            if (raw != null && !raw.isBlank()) {
                String name = (String) f.get("name");
                answer.set(name, FormValues.parse(name, (String) f.get("type"), itemType(proposal, name), raw));
            }
        }
        if (answer.isEmpty()) {
            throw ApiError.badRequest("answer", "the answer is empty: fill in the form");
        }
        return answer;
    }

    private static String itemType(JsonNode proposal, String name) {
        for (JsonNode f : proposal.path("form").path("fields")) {
            if (name.equals(f.path("name").asString())) {
                return f.path("item_type").asString(null);
            }
        }
        return null;
    }

    static Map<String, Object> item(InboxItem i) {
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
        m.put("one_click", i.open() && oneClick(i));
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

    private static String itemPath(Context ctx) {
        return "/inbox/" + ctx.pathParam("id");
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
