package solo.interfaces.mcp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import tools.jackson.databind.JsonNode;

/**
 * The operator's inbox as the assistant reads and decides it: the runtime's queue
 * ({@link solo.orchestration.inbox.Inbox}), in its order (urgency, then business impact, then age), with
 * each item's waiting step. Decisions go through the queue, so they are recorded as events like the operator's.
 */
final class Inbox {
    /** What an item waits for: gate, approval, outcome, budget, task, or failure (a run that failed). */
    record Item(String id, String runId, String stepId, String flow, String kind, String title, Instant since,
            Instant due, StepRecord step) {}

    private final solo.orchestration.inbox.Inbox queue;
    private final RunControl runs;

    Inbox(solo.orchestration.inbox.Inbox queue, RunControl runs) {
        this.queue = queue;
        this.runs = runs;
    }

    /** Open items (not snoozed), first to decide first. */
    List<Item> items(int limit) {
        List<Item> out = new ArrayList<>();
        for (InboxItem i : queue.list(0, limit, false).items()) {
            out.add(item(i));
        }
        return out;
    }

    Optional<Item> find(String runId, String stepId) {
        return queue.itemOf(runId, stepId).filter(InboxItem::open).map(this::item);
    }

    /** Approves or rejects an item (a task can only be rejected this way; {@link #answer} answers it). */
    Run decide(Item item, boolean approve, String reason, Actor by) {
        return approve ? queue.approve(item.id(), reason, by) : queue.reject(item.id(), reason, by);
    }

    /** Answers a task; the answer is checked against the agent's output contract first. */
    Run answer(Item item, JsonNode answer, String reason, Actor by) {
        return queue.answer(item.id(), answer, reason, by);
    }

    private Item item(InboxItem i) {
        StepRecord step = i.stepId() == null ? null : runs.steps(i.runId()).stream()
                .filter(s -> s.stepId().equals(i.stepId())).findFirst().orElse(null);
        return new Item(i.id(), i.runId(), i.stepId(), i.flow(), i.kind(), i.title(), i.openedAt(), i.dueAt(), step);
    }
}
