package solo.interfaces.http.api;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.ApiError;
import solo.interfaces.http.server.Requests;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.json.InboxViews;
import solo.interfaces.json.RunViews;
import solo.orchestration.flow.Durations;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxItem;
import solo.state.Actor;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbox: the queue (most urgent first), one item with what is needed to decide it, and the decisions.
 * A decision is recorded (its event, the step's checkpoint) and the run queued; {@code solo up}'s worker
 * drives it on.
 */
public final class InboxApi implements WebModule {
    private static final String TAG = "inbox";
    private final Inbox inbox;
    private final Supplier<Instant> now;

    public InboxApi(Inbox inbox, Supplier<Instant> now) {
        this.inbox = inbox;
        this.now = now;
    }

    @Override
    public void register(Routes r) {
        r.get("/api/inbox", ApiDoc.of(TAG, "Items waiting for the operator: due soon first, then by business impact, then oldest")
                .query("limit", "integer", "1-1000 (default 20)").query("offset", "integer", "skip this many (default 0)")
                .query("snoozed", "boolean", "only the snoozed items").returns(200, "InboxPage").errors(400), this::list);
        r.get("/api/inbox/{id}", ApiDoc.of(TAG, "An item with its proposal, context, why it is here, its run, and its decisions")
                .returns(200, "InboxEntry").errors(404), this::show);
        r.post("/api/inbox/{id}/approve", ApiDoc.of(TAG, "Approve: a gate passes, an action runs, a budget is passed once,"
                + " an unknown outcome counts as done").body("Reason").returns(200, "Run").errors(400, 404, 409),
                ctx -> ctx.json(RunViews.run(inbox.approve(open(ctx).id(), reason(ctx), Actor.OPERATOR))));
        r.post("/api/inbox/{id}/edit", ApiDoc.of(TAG, "Edit the action's (or the gate's) input, then approve; the edit is checked first")
                .body("InboxEdit").returns(200, "Run").errors(400, 404, 409), this::edit);
        r.post("/api/inbox/{id}/reject", ApiDoc.of(TAG, "Reject, with a reason").body("Reason").returns(200, "Run")
                .errors(400, 404, 409), ctx -> {
                    InboxItem item = open(ctx);
                    ctx.json(RunViews.run(inbox.reject(item.id(), Requests.text(Requests.object(ctx), "reason", true),
                            Actor.OPERATOR)));
                });
        r.post("/api/inbox/{id}/answer", ApiDoc.of(TAG, "Answer a task; checked against the agent's output contract")
                .body("InboxAnswer").returns(200, "Run").errors(400, 404, 409), this::answer);
        r.post("/api/inbox/{id}/snooze", ApiDoc.of(TAG, "Hide the item until a time (until) or for a while (for: 2h)")
                .body("InboxSnooze").returns(200, "InboxItem").errors(400, 404, 409), this::snooze);
        r.post("/api/inbox/{id}/do", ApiDoc.of(TAG, "Take one of the item's playbook actions (retry, retry_on_tier, fork,"
                + " compensate, cancel, notify)").body("InboxAction").returns(200, "Run").errors(400, 404, 409), this::act);
    }

    private void list(Context ctx) {
        int offset = Requests.intParam(ctx, "offset", 0, 0, 1_000_000);
        String snoozed = Requests.param(ctx, "snoozed");
        if (snoozed != null && !snoozed.equals("true") && !snoozed.equals("false")) {
            throw ApiError.badRequest("snoozed", "query parameter 'snoozed' must be true or false");
        }
        ctx.json(InboxViews.page(inbox.list(offset, Requests.intParam(ctx, "limit", 20, 1, 1000), "true".equals(snoozed)), offset));
    }

    private InboxItem item(Context ctx) {
        String id = ctx.pathParam("id");
        return inbox.find(id).orElseThrow(() -> ApiError.notFound("no inbox item " + id));
    }

    private InboxItem open(Context ctx) {
        InboxItem item = item(ctx);
        if (!item.open()) {
            throw new ApiError(409, "inbox item " + item.id() + " was decided already: " + item.decision() + " by "
                    + item.decidedBy() + " at " + item.closedAt());
        }
        return item;
    }

    private void show(Context ctx) {
        ctx.json(InboxViews.entry(inbox.show(item(ctx).id())));
    }

    private static String reason(Context ctx) {
        return Requests.text(Requests.optionalObject(ctx), "reason", false);
    }

    private void edit(Context ctx) {
        InboxItem item = open(ctx);
        ObjectNode body = Requests.object(ctx);
        ctx.json(RunViews.run(inbox.edit(item.id(), Requests.objectField(body, "input", true), Requests.text(body, "reason", false),
                Actor.OPERATOR)));
    }

    private void answer(Context ctx) {
        InboxItem item = open(ctx);
        ObjectNode body = Requests.object(ctx);
        ctx.json(RunViews.run(inbox.answer(item.id(), Requests.objectField(body, "answer", true),
                Requests.text(body, "reason", false), Actor.OPERATOR)));
    }

    private void snooze(Context ctx) {
        InboxItem item = open(ctx);
        ObjectNode body = Requests.object(ctx);
        String until = Requests.text(body, "until", false);
        String during = Requests.text(body, "for", false);
        if ((until == null) == (during == null)) {
            throw ApiError.badRequest("/until", "give either 'until' (a time) or 'for' (a duration like 2h)");
        }
        Instant when;
        try {
            when = until != null ? Instant.parse(until) : now.get().plus(Durations.parse(during));
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest("/until", "'until' must be a time like 2030-01-31T09:00:00Z");
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("/for", "'for' " + e.getMessage());
        }
        ctx.json(InboxViews.item(inbox.snooze(item.id(), when, Requests.text(body, "reason", false), Actor.OPERATOR)));
    }

    private void act(Context ctx) {
        InboxItem item = open(ctx);
        ObjectNode body = Requests.object(ctx);
        ctx.json(RunViews.run(inbox.act(item.id(), Requests.text(body, "action", true), Requests.objectField(body, "input", false),
                Requests.text(body, "from", false), Requests.text(body, "reason", false), Actor.OPERATOR)));
    }
}
