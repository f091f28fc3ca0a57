package solo.orchestration.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.orchestration.runtime.InTransaction;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.state.Store;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbox's recovery side: which playbook an item's failure matches and what it offers, taking one of its
 * actions (retry, retry on another tier, fork, compensate, cancel, notify) as a recorded decision, and the
 * sweep that runs the automatic playbooks by themselves, within their limits.
 */
final class PlaybookRunner {
    private static final Logger LOG = LoggerFactory.getLogger(PlaybookRunner.class);
    /** What a failed run offers when no playbook is written for its failure. */
    static final Playbook DEFAULT = new Playbook("default", null, "what any failed run offers", Set.of(), Set.of(), Set.of(),
            Set.of(), Set.of(), false, List.of(new PlaybookAction.Retry(Duration.ofSeconds(30), 3), new PlaybookAction.Fork(null),
                    new PlaybookAction.Compensate(), new PlaybookAction.Cancel()));
    /** What a run paused by a budget or an unknown outcome offers besides approving and rejecting. */
    static final List<PlaybookAction> WAITING = List.of(new PlaybookAction.Compensate(), new PlaybookAction.Cancel());
    /** At most this many automatic actions for one run, whatever the playbooks say: never a loop. */
    static final int MAX_AUTOMATIC = 20;

    private final Store store;
    private final RunControl runs;
    private final InboxItems items;
    private final Playbooks playbooks;
    private final Failures failures;
    private final Notifier notifier;
    private final Clock clock;

    PlaybookRunner(Store store, RunControl runs, InboxItems items, Playbooks playbooks, Failures failures, Notifier notifier,
            Clock clock) {
        this.store = store;
        this.runs = runs;
        this.items = items;
        this.playbooks = playbooks;
        this.failures = failures;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** Takes one of the actions the item's playbook offers, named by the operator ({@code solo inbox do}). */
    Run act(InboxItem item, Run run, StepRecord step, String actionName, JsonNode input, String from, String reason, Actor by) {
        Failure failure = failures.classify(item, run, step);
        Playbook written = playbookFor(item, failure);
        List<PlaybookAction> available = offered(item, written);
        if (available.isEmpty()) {
            throw new SoloException("inbox item " + item.id() + " is " + Inbox.article(item.kind()) + "; no playbook applies to it"
                    + " (decide it: solo inbox approve|reject " + item.id() + ")");
        }
        PlaybookAction action = available.stream().filter(a -> a.name().equals(actionName)).findFirst()
                .orElseThrow(() -> new SoloException("inbox item " + item.id() + " offers no action '" + actionName
                        + "' (it offers: " + String.join(", ", available.stream().map(PlaybookAction::name).toList()) + ")"));
        Playbook playbook = written != null && written.action(actionName).isPresent() ? written : item.isFailure() ? DEFAULT
                : new Playbook("default", null, "", Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), false, WAITING);
        return take(item, run, step, playbook, action, input, from, reason, by, false);
    }

    /**
     * Runs automatic playbooks on the items that came in since the last sweep: for each, its playbook's actions
     * in order until one settles it — a retry only as many times as it allows per run, never more than
     * {@link #MAX_AUTOMATIC} actions per run — else it stays for the operator. Returns the actions taken.
     */
    int sweep() {
        Instant now = clock.instant();
        int taken = 0;
        for (InboxItem item : store.storage().read(sql -> items.toSweep(sql, now, 100))) {
            try {
                taken += automatic(item);
            } catch (RuntimeException e) {
                LOG.warn("inbox item {}: automatic playbook failed: {}", item.id(), e.getMessage());
            } finally {
                store.storage().write(tx -> {
                    InboxItems.swept(tx, item.id());
                    return null;
                });
            }
        }
        return taken;
    }

    private int automatic(InboxItem item) {
        if (!item.open()) {
            return 0;
        }
        Run run = runs.get(item.runId());
        StepRecord step = Inbox.step(runs, item);
        Failure failure = failures.classify(item, run, step);
        Playbook playbook = failure == null ? null : playbooks.match(failure).orElse(null);
        if (playbook == null || !playbook.automatic()) {
            return 0;
        }
        long already = store.storage().read(sql -> sql.queryLong("SELECT count(*) FROM inbox_items WHERE run_id = ?"
                + " AND decided_by = ? AND decision LIKE 'playbook:%'", item.runId(), Actor.SYSTEM.text()));
        if (already >= MAX_AUTOMATIC) {
            LOG.warn("run {}: {} automatic actions taken; the rest is the operator's", item.runId(), already);
            return 0;
        }
        int taken = 0;
        for (PlaybookAction action : playbook.actions()) {
            int limit = switch (action) {
                case PlaybookAction.Retry r -> r.attempts();
                case PlaybookAction.RetryOnTier t -> t.attempts();
                case PlaybookAction.Fork f -> 0;
                default -> Integer.MAX_VALUE;
            };
            if (limit == 0 || (limit != Integer.MAX_VALUE && timesTaken(item.runId(), playbook, action) >= limit)) {
                continue;
            }
            if (action instanceof PlaybookAction.RetryOnTier && (step == null || !"agent".equals(step.kind()))) {
                continue;
            }
            take(item, run, step, playbook, action, null, null, null, Actor.SYSTEM, true);
            taken++;
            if (action.settles()) {
                return taken;
            }
        }
        return taken;
    }

    private long timesTaken(String runId, Playbook playbook, PlaybookAction action) {
        return store.storage().read(sql -> InboxItems.taken(sql, runId, label(playbook, action)));
    }

    private Run take(InboxItem item, Run run, StepRecord step, Playbook playbook, PlaybookAction action, JsonNode input,
            String from, String reason, Actor by, boolean automatic) {
        String label = label(playbook, action);
        long before = automatic ? timesTaken(run.id(), playbook, action) : 0;
        String why = Decisions.reason(reason, "playbook " + playbook.name() + ": " + action.name()
                + (automatic ? " (automatic" + (action instanceof PlaybookAction.Notify ? "" : ", " + (before + 1)
                + limitText(action)) + ")" : ""));
        ObjectNode data = Decisions.data(item).put("playbook", playbook.name()).put("action", action.name())
                .put("automatic", automatic);
        String eventKind = Decisions.PLAYBOOK + action.name();
        InTransaction record = tx -> {
            Decisions.record(tx, store, by, why, eventKind, item, data);
            InboxItems.decided(tx, item.id(), label);
        };
        boolean failed = item.isFailure();
        return switch (action) {
            case PlaybookAction.Retry r -> {
                Duration delay = automatic ? r.delay(before) : null;
                if (delay != null) {
                    data.put("after", delay.toString());
                }
                if (failed) {
                    yield runs.retry(run.id(), delay, null, by, record);
                }
                if ("outcome".equals(item.kind())) {
                    yield runs.answer(run.id(), item.stepId(), false, why, by, null, record); // it did not happen: again
                }
                yield runs.rerun(run.id(), item.stepId(), null, by, record);
            }
            case PlaybookAction.RetryOnTier t -> {
                if (step == null || !"agent".equals(step.kind())) {
                    throw new SoloException("retry_on_tier runs an agent step on another tier; step "
                            + (step == null ? "(none)" : step.stepId() + " is " + step.kind()) + " of run " + run.id() + " is not one");
                }
                data.put("tier", t.tier());
                yield failed ? runs.retry(run.id(), null, t.tier(), by, record) : runs.rerun(run.id(), item.stepId(), t.tier(), by, record);
            }
            case PlaybookAction.Fork f -> {
                if (!failed) {
                    throw new SoloException("fork is for a failed run; inbox item " + item.id() + " is " + Inbox.article(item.kind()));
                }
                String start = from != null ? from : f.from() != null ? f.from() : step == null ? null
                        : new Failure(null, null, step.stepId(), null, null, null).baseStep();
                if (start == null) {
                    throw new SoloException("fork needs the step to start from (--from STEP)");
                }
                if (input != null && !input.isObject()) {
                    throw new SoloException("--input must be a JSON object (the fields of the run's input to change)");
                }
                ObjectNode merged = run.input() instanceof ObjectNode o ? o.deepCopy() : Json.object();
                if (input != null) {
                    input.properties().forEach(e -> merged.set(e.getKey(), e.getValue()));
                    data.set("edits", input);
                }
                data.put("from", start);
                Run forked = runs.fork(run.id(), start, merged, tx -> {
                    data.put("run", RunControl.forked(tx));
                    record.run(tx);
                    items.settled(tx, run.id(), null, label, by, clock.instant());
                });
                yield forked;
            }
            case PlaybookAction.Compensate c -> {
                if (!run.status().finished()) {
                    runs.cancel(run.id(), "to roll it back (" + why + ")", by, null);
                }
                yield runs.rollback(run.id(), why, by, record);
            }
            case PlaybookAction.Cancel c -> runs.cancel(run.id(), why, by, record);
            case PlaybookAction.Notify n -> {
                String subject = "[solo] " + (n.message().isBlank() ? item.title() : n.message());
                String text = (n.message().isBlank() ? "" : n.message() + "\n\n") + item.title() + "\n\nrun " + run.id() + " ("
                        + run.flow() + "), inbox item " + item.id() + "\nsee: solo inbox show " + item.id() + "\n";
                String to = notifier.notify(subject, text, "notify-" + item.id());
                data.put("to", to);
                store.storage().write(tx -> {
                    Decisions.record(tx, store, by, why, eventKind, item, data);
                    return null;
                });
                yield runs.get(run.id());
            }
        };
    }

    private static String limitText(PlaybookAction action) {
        return switch (action) {
            case PlaybookAction.Retry r -> " of " + r.attempts();
            case PlaybookAction.RetryOnTier t -> " of " + t.attempts();
            default -> "";
        };
    }

    static String label(Playbook playbook, PlaybookAction action) {
        return "playbook:" + playbook.name() + "/" + action.name();
    }

    /**
     * The actions an item offers: its playbook's, in order, then those the operator can always take that it does
     * not list (a failed run can always be retried, forked, compensated or cancelled; a paused one, cancelled).
     */
    static List<PlaybookAction> offered(InboxItem item, Playbook playbook) {
        List<PlaybookAction> out = new ArrayList<>(playbook == null ? List.of() : playbook.actions());
        List<PlaybookAction> always = item.isFailure() ? DEFAULT.actions()
                : Set.of("budget", "outcome").contains(item.kind()) ? WAITING : List.of();
        for (PlaybookAction a : always) {
            if (out.stream().noneMatch(x -> x.name().equals(a.name()))) {
                out.add(a);
            }
        }
        return out;
    }

    /** The playbook for an item that is a failure (or a budget, an unknown outcome); any failure has the default. */
    Playbook playbookFor(InboxItem item, Failure failure) {
        if (failure == null) {
            return null;
        }
        Optional<Playbook> written = playbooks.match(failure);
        return written.orElse(item.isFailure() ? DEFAULT : null);
    }
}
