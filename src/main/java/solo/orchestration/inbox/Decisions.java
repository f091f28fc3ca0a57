package solo.orchestration.inbox;

import solo.state.Actor;
import solo.state.Change;
import solo.state.Store;
import solo.state.Write;
import solo.state.storage.WriteTx;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events the inbox writes: every decision, with the operator's reason, in the hash-chained event log, about
 * the run (so that {@code Store.history(runId)} is the run's record of decisions), in the same transaction as
 * the step's new checkpoint.
 */
final class Decisions {
    static final String APPROVED = "inbox.approved";
    static final String EDITED = "inbox.edited";
    static final String REJECTED = "inbox.rejected";
    static final String ANSWERED = "inbox.answered";
    static final String SNOOZED = "inbox.snoozed";
    static final String DEFAULTED = "inbox.defaulted";
    static final String PLAYBOOK = "playbook.";

    private Decisions() {}

    static ObjectNode data(InboxItem item) {
        return Json.object().put("item", item.id()).put("step", item.stepId().isEmpty() ? null : item.stepId())
                .put("kind", item.kind()).put("flow", item.flow());
    }

    static void record(WriteTx tx, Store store, Actor by, String reason, String kind, InboxItem item, ObjectNode data) {
        store.apply(tx, Write.of(by, reason, new Change.RecordEvent(kind, item.runId(), "run", data)));
    }

    /** The reason the operator gave, or what the decision was when they gave none. */
    static String reason(String given, String otherwise) {
        return given == null || given.isBlank() ? otherwise : given.strip();
    }
}
