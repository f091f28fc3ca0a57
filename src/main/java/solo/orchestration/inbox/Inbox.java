package solo.orchestration.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import solo.orchestration.action.Action;
import solo.orchestration.action.Actions;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.state.Event;
import solo.state.Store;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The operator's one queue: gates, escalations (low confidence, policies that require approval, budgets
 * reached), tasks, failed runs and unknown outcomes, most urgent first, each with what is needed to decide it;
 * and the decisions: approve, edit then approve, reject, answer, snooze, and the matching playbook's actions.
 * Every decision is an event with the operator's reason, written in the same transaction as the step's new
 * checkpoint; an item is decided once.
 */
public final class Inbox {
    private final Store store;
    private final RunControl runs;
    private final Actions actions;
    private final InboxItems items;
    private final Playbooks playbooks;
    private final Failures failures;
    private final TaskAnswers tasks;
    private final PlaybookRunner playbookRunner;
    private final Clock clock;

    public Inbox(Store store, RunControl runs, FlowCatalog flows, Actions actions, InboxItems items, Playbooks playbooks,
            TaskAnswers tasks, Notifier notifier, Clock clock) {
        this.store = store;
        this.runs = runs;
        this.actions = actions;
        this.items = items;
        this.playbooks = playbooks;
        this.failures = new Failures(flows, runs);
        this.tasks = tasks;
        this.playbookRunner = new PlaybookRunner(store, runs, items, playbooks, failures, notifier, clock);
        this.clock = clock;
    }

    /** The company's playbooks ({@code playbooks/*.yaml}). */
    public Playbooks playbooks() {
        return playbooks;
    }

    /** A page of the queue and the queue's size; see {@link InboxItems#page} for the order. */
    public record Page(List<InboxItem> items, long open, long snoozed) {}

    public Page list(int offset, int limit, boolean snoozed) {
        if (limit < 1 || limit > 1000 || offset < 0) {
            throw new SoloException("a page is 1 to 1000 items from an offset of 0 or more");
        }
        Instant now = clock.instant();
        return store.storage().read(sql -> {
            var counts = items.counts(sql, now);
            return new Page(items.page(sql, now, offset, limit, snoozed), counts.open(), counts.snoozed());
        });
    }

    public InboxItem item(String id) {
        return find(id).orElseThrow(() -> new SoloException("no inbox item " + id + " (see: solo inbox list)"));
    }

    /** An item by its id (or the start of it, when that names one item only). */
    public Optional<InboxItem> find(String id) {
        return store.storage().read(sql -> items.find(sql, id));
    }

    /** The open item of a waiting step, if it has one (what {@code solo gate approve RUN STEP} decides). */
    public Optional<InboxItem> itemOf(String runId, String stepId) {
        return store.storage().read(sql -> InboxItems.openItem(sql, runId, stepId));
    }

    /** Every item a run had, oldest first: when it waited for the operator, and who decided. */
    public List<InboxItem> ofRun(String runId) {
        return store.storage().read(sql -> items.ofRun(sql, runId));
    }

    public InboxEntry show(String id) {
        InboxItem item = item(id);
        Run run = runs.get(item.runId());
        StepRecord step = step(runs, item);
        Failure failure = failures.classify(item, run, step);
        Playbook playbook = playbookRunner.playbookFor(item, failure);
        List<String> decisions = new ArrayList<>();
        if (item.open()) {
            switch (item.kind()) {
                case "gate", "approval" -> decisions.addAll(List.of("approve", "edit", "reject"));
                case "budget", "outcome" -> decisions.addAll(List.of("approve", "reject"));
                case "task" -> decisions.addAll(List.of("answer", "reject"));
                default -> { }
            }
            decisions.add("snooze");
        }
        List<Event> history = store.history(item.runId()).stream()
                .filter(e -> e.kind().startsWith("inbox.") || e.kind().startsWith(Decisions.PLAYBOOK) || e.kind().startsWith("run."))
                .toList();
        return new InboxEntry(item, run, step, Triage.why(item.kind(), step, run.error()), proposal(item, step), failure,
                playbook, item.open() ? PlaybookRunner.offered(item, playbook) : List.of(), decisions, history);
    }

    /**
     * Gives an item to every step waiting for the operator that has none: steps that began waiting before the
     * inbox kept its queue (a company upgraded with runs waiting). {@code solo up} calls it when it starts.
     */
    public int backfill() {
        List<StepRecord> waiting = runs.waitingForOperator(1_000_000);
        if (waiting.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        return store.storage().write(tx -> {
            int added = 0;
            for (StepRecord s : waiting) {
                if (InboxItems.openItem(tx, s.runId(), s.stepId()).isEmpty()) {
                    items.waiting(tx, s, now);
                    added++;
                }
            }
            return added;
        });
    }

    // ---- decisions -------------------------------------------------------------------------------

    public Run approve(String id, String reason, Actor by) {
        InboxItem item = open(id);
        switch (item.kind()) {
            case "task" -> throw new SoloException("inbox item " + item.id() + " is a task: answer it (solo inbox answer "
                    + item.id() + " --answer JSON)");
            case InboxItem.FAILURE -> throw failureNeedsAction(item);
            default -> { }
        }
        return runs.answer(item.runId(), item.stepId(), true, reason, by, null, tx -> Decisions.record(tx, store, by,
                Decisions.reason(reason, "approved in the inbox"), Decisions.APPROVED, item, Decisions.data(item)
                        .put("decision", "approve")));
    }

    /**
     * Approves with the input edited: {@code edits} are merged into the action's input (or the gate's) and
     * checked first — an action's required inputs and its own rules, a gate's fields and their types — so that
     * a bad edit is refused with nothing written.
     */
    public Run edit(String id, JsonNode edits, String reason, Actor by) {
        InboxItem item = open(id);
        if (!"gate".equals(item.kind()) && !"approval".equals(item.kind())) {
            throw new SoloException("inbox item " + item.id() + " is " + article(item.kind()) + "; only a gate or an action"
                    + " waiting for approval can be edited" + ("task".equals(item.kind()) ? " (answer a task: solo inbox answer)" : ""));
        }
        if (edits == null || !edits.isObject() || edits.isEmpty()) {
            throw new SoloException("an edit is a JSON object of the fields to change, like '{\"subject\": \"...\"}'");
        }
        StepRecord step = step(runs, item);
        JsonNode before = "gate".equals(item.kind()) ? step.detail().path("input") : step.input();
        if (before == null || !before.isObject()) {
            throw new SoloException("inbox item " + item.id() + ": the " + ("gate".equals(item.kind()) ? "gate has no input"
                    : "action has no input") + " to edit");
        }
        ObjectNode merged = ((ObjectNode) before).deepCopy();
        edits.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
        List<String> problems = "gate".equals(item.kind()) ? sameShape(before, edits) : actionProblems(step, merged);
        if (!problems.isEmpty()) {
            throw new SoloException("the edit of inbox item " + item.id() + " is refused (nothing was recorded): "
                    + String.join("; ", problems));
        }
        return runs.answer(item.runId(), item.stepId(), true, reason, by, merged, tx -> {
            Decisions.record(tx, store, by, Decisions.reason(reason, "edited and approved in the inbox"), Decisions.EDITED, item,
                    Decisions.data(item).put("decision", "edit").<ObjectNode>set("edits", edits).<ObjectNode>set("before", before)
                            .set("after", merged));
            InboxItems.decided(tx, item.id(), "edited");
        });
    }

    /** Refuses: a gate, an approval or a task fails its run; a budget stops it; an unknown outcome is tried again. */
    public Run reject(String id, String reason, Actor by) {
        InboxItem item = open(id);
        if (item.isFailure()) {
            throw failureNeedsAction(item);
        }
        if (reason == null || reason.isBlank()) {
            throw new SoloException("rejecting needs a reason (--reason TEXT): it goes into the run's history");
        }
        return runs.answer(item.runId(), item.stepId(), false, reason, by, null, tx -> Decisions.record(tx, store, by,
                reason.strip(), Decisions.REJECTED, item, Decisions.data(item).put("decision", "reject")));
    }

    /** Answers a task in the agent's place; the answer is checked against the agent's output contract first. */
    public Run answer(String id, JsonNode answer, String reason, Actor by) {
        return answer(open(id), answer, reason, by, "inbox item " + id);
    }

    private Run answer(InboxItem item, JsonNode answer, String reason, Actor by, String named) {
        if (!"task".equals(item.kind())) {
            throw new SoloException("inbox item " + item.id() + " is " + article(item.kind()) + ", not a task to answer"
                    + (Set.of("gate", "approval").contains(item.kind()) ? " (approve, edit or reject it)" : ""));
        }
        StepRecord step = step(runs, item);
        List<String> problems = tasks.problems(step, answer);
        if (!problems.isEmpty()) {
            throw new SoloException("the answer to " + named + " breaks " + step.detail().path("agent").asString("the agent")
                    + "'s output contract (nothing was recorded): " + String.join("; ", problems));
        }
        return runs.provide(item.runId(), item.stepId(), "task", answer, by, tx -> Decisions.record(tx, store, by,
                Decisions.reason(reason, "answered in the inbox"), Decisions.ANSWERED, item,
                Decisions.data(item).put("decision", "answer").set("answer", answer)));
    }

    /** Hides an item from the queue until a time; it stays open, and its deadline (if any) still holds. */
    public InboxItem snooze(String id, Instant until, String reason, Actor by) {
        InboxItem item = open(id);
        Instant now = clock.instant();
        if (until == null || !until.isAfter(now)) {
            throw new SoloException("snooze until a time to come (--until 2h, or 2030-01-31T09:00:00Z)");
        }
        store.storage().write(tx -> {
            if (InboxItems.openItem(tx, item.runId(), item.stepId()).filter(i -> i.id().equals(item.id())).isEmpty()) {
                throw decidedAlready(item(id));
            }
            InboxItems.snooze(tx, item.id(), until);
            Decisions.record(tx, store, by, Decisions.reason(reason, "snoozed in the inbox"), Decisions.SNOOZED, item,
                    Decisions.data(item).put("decision", "snooze").put("until", until.toString()));
            return null;
        });
        return item(id);
    }

    /**
     * Decides a waiting step named by its run and id (what {@code solo gate approve|reject RUN STEP}, the gates API
     * and the cockpit's run page do): through its inbox item, so that the decision is recorded the same way.
     */
    public Run decideStep(String runId, String stepId, boolean approve, String reason, Actor by) {
        Optional<InboxItem> item = itemOf(runId, stepId);
        if (item.isPresent() && approve && "task".equals(item.get().kind())) {
            throw new SoloException("step " + stepId + " of run " + runId + " waits for an answer to its task: solo tasks answer "
                    + runId + " " + stepId + " --answer JSON (or solo inbox answer " + item.get().id() + ")");
        }
        if (item.isPresent()) {
            return approve ? approve(item.get().id(), reason, by)
                    : reject(item.get().id(), Decisions.reason(reason, "rejected (no reason given)"), by);
        }
        // no item: the step is not waiting for the operator (the runtime says why), or began waiting before the
        // inbox kept its queue; either way the decision is recorded like any other
        return runs.answer(runId, stepId, approve, reason, by, null, tx -> store.apply(tx, solo.state.Write.of(by,
                Decisions.reason(reason, approve ? "approved" : "rejected"), new solo.state.Change.RecordEvent(
                        approve ? Decisions.APPROVED : Decisions.REJECTED, runId, "run", Json.object().put("step", stepId)
                        .put("decision", approve ? "approve" : "reject")))));
    }

    /** Answers a task named by its run and step ({@code solo tasks answer}): through its inbox item. */
    public Run answerStep(String runId, String stepId, JsonNode answer, Actor by) {
        InboxItem item = itemOf(runId, stepId).orElseThrow(() -> new SoloException("step " + stepId + " of run " + runId
                + " is not a task waiting for an answer (see: solo inbox list)"));
        return answer(open(item.id()), answer, null, by, runId + " " + stepId);
    }

    // ---- playbooks -------------------------------------------------------------------------------

    /**
     * Takes one of the matching playbook's actions ({@code solo inbox do ITEM ACTION}). {@code input} is the
     * edited input a fork runs with (merged into the run's); {@code from} the step it starts at.
     */
    public Run act(String id, String actionName, JsonNode input, String from, String reason, Actor by) {
        InboxItem item = open(id);
        return playbookRunner.act(item, runs.get(item.runId()), step(runs, item), actionName, input, from, reason, by);
    }

    /** Runs the automatic playbooks on the items that came in since the last sweep; see {@link PlaybookRunner#sweep}. */
    public int sweep() {
        return playbookRunner.sweep();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private InboxItem open(String id) {
        InboxItem item = item(id);
        if (!item.open()) {
            throw decidedAlready(item);
        }
        if (runs.find(item.runId()).map(r -> r.status() == RunStatus.ROLLED_BACK).orElse(true)) {
            throw new SoloException("inbox item " + item.id() + ": its run " + item.runId() + " is gone or rolled back");
        }
        return item;
    }

    private static SoloException decidedAlready(InboxItem item) {
        return new SoloException("inbox item " + item.id() + " was decided already: " + item.decision()
                + (item.decidedBy() == null ? "" : " by " + item.decidedBy())
                + (item.closedAt() == null ? "" : " at " + item.closedAt()));
    }

    private static SoloException failureNeedsAction(InboxItem item) {
        return new SoloException("inbox item " + item.id() + " is a failed run: take one of its playbook's actions"
                + " (solo inbox show " + item.id() + ", then solo inbox do " + item.id() + " ACTION)");
    }

    /** The step an item waits on, or null for an item about a whole run. */
    static StepRecord step(RunControl runs, InboxItem item) {
        if (item.stepId().isEmpty()) {
            return null;
        }
        return runs.steps(item.runId()).stream().filter(s -> s.stepId().equals(item.stepId())).findFirst().orElse(null);
    }

    /** What approving would do: the action and its input, the gate's draft, the task's prompt and form. */
    private static JsonNode proposal(InboxItem item, StepRecord step) {
        if (step == null) {
            return null;
        }
        JsonNode d = step.detail() == null ? Json.object() : step.detail();
        ObjectNode p = Json.object();
        switch (item.kind()) {
            case "gate" -> p.set("input", d.path("input").isMissingNode() ? null : d.get("input"));
            case "approval", "outcome" -> {
                p.put("action", d.path("action").asString(null));
                p.set("input", step.input());
                if (d.has("proposal")) {
                    p.set("proposed", d.get("proposal"));
                }
            }
            case "task" -> {
                p.put("agent", d.path("agent").asString(null)).put("prompt", d.path("prompt").asString(null))
                        .put("context_pack", d.path("context_pack").asString(null));
                p.set("form", d.path("form"));
                p.set("output_contract", d.path("output_contract"));
                p.set("input", step.input());
            }
            case "budget" -> {
                p.put("agent", d.path("agent").asString(null));
                p.set("budget", d.path("budget"));
                p.set("input", step.input());
            }
            default -> {
                p.put("step", step.stepId()).put("kind", step.kind()).put("error", step.error());
                p.set("input", step.input());
            }
        }
        if (d.has("context")) {
            p.set("context", d.get("context"));
        }
        return p;
    }

    /** A gate's edit changes its fields, keeping their types; it adds none. */
    private static List<String> sameShape(JsonNode before, JsonNode edits) {
        List<String> problems = new ArrayList<>();
        for (var e : edits.properties()) {
            JsonNode was = before.get(e.getKey());
            if (was == null) {
                problems.add(e.getKey() + ": the gate's input has no such field (fields: " + String.join(", ",
                        new TreeSet<>(before.propertyNames())) + ")");
            } else if (!was.isNull() && was.getNodeType() != e.getValue().getNodeType()) {
                problems.add(e.getKey() + ": must be " + type(was) + " like the original, not " + type(e.getValue()));
            }
        }
        return problems;
    }

    private List<String> actionProblems(StepRecord step, JsonNode merged) {
        String name = step.detail().path("action").asString("");
        Action action = actions.find(name).orElse(null);
        if (action == null) {
            return List.of("the action '" + name + "' is not known to this Solo");
        }
        List<String> problems = new ArrayList<>();
        for (String required : new TreeSet<>(action.requiredInputs())) {
            JsonNode v = merged.get(required);
            if (v == null || v.isNull()) {
                problems.add(required + ": " + name + " needs it");
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(action.check(merged, store));
        }
        return problems;
    }

    private static String type(JsonNode n) {
        return n.getNodeType().name().toLowerCase();
    }

    static String article(String kind) {
        return switch (kind) {
            case "approval" -> "an approval";
            case "outcome" -> "an unknown outcome";
            case InboxItem.FAILURE -> "a failed run";
            default -> "a " + kind;
        };
    }
}
