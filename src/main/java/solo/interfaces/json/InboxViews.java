package solo.interfaces.json;

import java.time.Instant;
import java.util.List;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxEntry;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.inbox.PlaybookAction;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shape of the inbox: items, a page of the queue, an item with what is needed to decide it. */
public final class InboxViews {
    private InboxViews() {}

    public static ObjectNode item(InboxItem i) {
        ObjectNode o = Json.object().put("id", i.id()).put("kind", i.kind()).put("run_id", i.runId())
                .put("step_id", i.stepId().isEmpty() ? null : i.stepId()).put("flow", i.flow()).put("title", i.title())
                .put("impact", i.impact());
        ArrayNode impacts = o.putArray("impacts");
        i.impacts().forEach(impacts::add);
        o.put("due_at", text(i.dueAt())).put("default", i.defaultDecision()).put("opened_at", text(i.openedAt()))
                .put("open", i.open()).put("snoozed_until", text(i.snoozedUntil())).put("closed_at", text(i.closedAt()))
                .put("decision", i.decision()).put("decided_by", i.decidedBy());
        return o;
    }

    public static ObjectNode page(Inbox.Page p, int offset) {
        ObjectNode o = Json.object().put("open", p.open()).put("snoozed", p.snoozed()).put("offset", offset);
        ArrayNode a = o.putArray("items");
        p.items().forEach(i -> a.add(item(i)));
        return o;
    }

    public static ObjectNode entry(InboxEntry e) {
        ObjectNode o = item(e.item());
        o.set("run", RunViews.run(e.run()));
        o.set("step", e.step() == null ? null : RunViews.step(e.step()));
        o.set("why", e.why());
        o.set("proposal", e.proposal());
        if (e.failure() != null) {
            o.putObject("failure").put("kind", e.failure().kind().text()).put("step", e.failure().step())
                    .put("error", e.failure().error()).put("reason", e.failure().reason()).put("action", e.failure().action());
        }
        if (e.playbook() != null) {
            o.putObject("playbook").put("name", e.playbook().name()).put("description", e.playbook().description())
                    .put("automatic", e.playbook().automatic());
        }
        ArrayNode decisions = o.putArray("decisions");
        for (String d : e.decisions()) {
            decisions.addObject().put("decision", d).put("command", command(e.item(), d));
        }
        ArrayNode actions = o.putArray("actions");
        for (PlaybookAction a : e.actions()) {
            actions.addObject().put("action", a.name()).put("about", about(a)).put("command", command(e.item(), a));
        }
        ArrayNode history = o.putArray("history");
        e.history().forEach(ev -> history.add(JsonViews.event(ev)));
        return o;
    }

    /** The command line that takes a decision. */
    public static String command(InboxItem i, String decision) {
        return "solo inbox " + decision + " " + i.id() + switch (decision) {
            case "edit" -> " --input '{\"field\": \"new value\"}' [--reason TEXT]";
            case "reject" -> " --reason TEXT";
            case "answer" -> " --answer '{...}'";
            case "snooze" -> " --until 2h";
            default -> " [--reason TEXT]";
        };
    }

    /** The command line that takes a playbook's action. */
    public static String command(InboxItem i, PlaybookAction a) {
        return "solo inbox do " + i.id() + " " + a.name() + (a instanceof PlaybookAction.Fork f
                ? (f.from() == null ? " [--from STEP]" : "") + " --input '{...}'" : "");
    }

    /** What a playbook's action does, in a few words. */
    public static String about(PlaybookAction a) {
        return switch (a) {
            case PlaybookAction.Retry r -> "run it again from the failure (by itself: up to " + r.attempts() + " times, "
                    + r.after().toSeconds() + "s apart and doubling)";
            case PlaybookAction.RetryOnTier t -> "run the agent step again on the " + t.tier() + " tier";
            case PlaybookAction.Fork f -> "a new run from step " + (f.from() == null ? "the failed one" : f.from())
                    + " with the input you edit";
            case PlaybookAction.Compensate c -> "revert the state writes the run made and mark it rolled back";
            case PlaybookAction.Cancel c -> "give the run up";
            case PlaybookAction.Notify n -> "email you" + (n.message().isBlank() ? "" : ": " + n.message());
        };
    }

    public static ArrayNode items(List<InboxItem> items) {
        ArrayNode a = Json.mapper().createArrayNode();
        items.forEach(i -> a.add(item(i)));
        return a;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
