package solo.orchestration.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.Flows;
import solo.orchestration.MutableClock;
import solo.orchestration.Orchestrator;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionCall;
import solo.orchestration.action.GuardDecision;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxEntry;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunRepository;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;
import solo.orchestration.step.StepOutcome;
import solo.state.Actor;
import solo.state.Event;
import solo.support.Json;
import solo.support.SoloException;
import solo.testing.Database;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * The inbox on both storages: items opened and closed with the runs' own transactions, the queue's order,
 * every decision (approve, edit, reject, snooze, deadlines' defaults, playbook actions) recorded as an event
 * with its reason, and the refusals: an unknown item, a second decision, an edit that breaks the input.
 */
public abstract class InboxContract {
    static final Instant START = Instant.parse("2030-01-07T09:00:00Z");
    final MutableClock clock = new MutableClock(START);
    final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @RegisterExtension
    final TestCompany company;

    protected InboxContract(Database database) {
        company = TestCompany.instance().withDatabase(database).withClock(clock).withSolo(b -> b
                .withAgentFunction("flaky", c -> {
                    int n = calls.computeIfAbsent(c.runId(), k -> new AtomicInteger()).incrementAndGet();
                    if (n <= c.input().path("fail_times").asInt()) {
                        throw new IllegalStateException("flaky failure " + n);
                    }
                    return Json.object().put("calls", n);
                })
                .withAction(new Action() {
                    @Override
                    public String name() {
                        return "poke";
                    }

                    @Override
                    public boolean hasOutsideEffects() {
                        return true;
                    }

                    @Override
                    public StepOutcome perform(ActionCall call) {
                        return StepOutcome.done(Json.object().put("poked", calls.computeIfAbsent("poke",
                                k -> new AtomicInteger()).incrementAndGet()));
                    }
                })
                .withActionGuard(r -> r.input() != null && r.input().path("body").path("name").asString("").startsWith("Ask Money")
                        ? new GuardDecision.RequireApproval("money at stake", Json.object().set("escalation",
                                Json.object().set("impacts", Json.mapper().createArrayNode().add("money"))))
                        : r.input() != null && r.input().path("body").path("name").asString("").startsWith("Ask")
                        ? GuardDecision.requireApproval("a large deal")
                        : r.input() != null && r.input().path("body").path("name").asString("").equals("Deny Me")
                                ? GuardDecision.deny("opted out") : GuardDecision.allow()));
    }

    Orchestrator o() {
        return company.solo().orchestrator();
    }

    Inbox inbox() {
        return o().inbox();
    }

    Run start(String flow, JsonNode input) {
        Run run = o().runs().start(flow, input, null);
        return o().worker().driveToRest(run.id(), Duration.ofSeconds(5));
    }

    Run drive(Run run) {
        return o().worker().driveToRest(run.id(), Duration.ofSeconds(5));
    }

    InboxItem itemOf(Run run) {
        return inbox().ofRun(run.id()).stream().filter(InboxItem::open).findFirst()
                .orElseThrow(() -> new AssertionError("run " + run.id() + " has no open item: " + inbox().ofRun(run.id())));
    }

    List<Event> decisions(Run run) {
        return company.store().history(run.id());
    }

    StepRecord step(Run run, String id) {
        return o().runs().steps(run.id()).stream().filter(s -> s.stepId().equals(id)).findFirst().orElseThrow();
    }

    void gateFlow() {
        Flows.write(company.dir(), "review", """
                steps:
                  - id: review
                    gate: "Send this draft?"
                    input: {subject: "Hello", body: "A first note", words: 3}
                  - id: done
                    agent: echo
                    input: {sent: "${steps.review.output}"}
                """);
    }

    @Test
    void a_waiting_gate_is_an_item_and_approving_it_is_an_event_with_the_reason() {
        gateFlow();
        Run run = start("review", null);
        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        InboxItem item = itemOf(run);
        assertThat(item.kind()).isEqualTo("gate");
        assertThat(item.title()).isEqualTo("Send this draft?");
        assertThat(item.flow()).isEqualTo("review");
        assertThat(item.stepId()).isEqualTo("review");
        InboxEntry entry = inbox().show(item.id());
        assertThat(entry.proposal().path("input").path("subject").asString()).isEqualTo("Hello");
        assertThat(entry.why().path("prompt").asString()).isEqualTo("Send this draft?");
        assertThat(entry.decisions()).containsExactly("approve", "edit", "reject", "snooze");

        clock.advance(Duration.ofMinutes(5));
        Run after = drive(inbox().approve(item.id(), "reads well", Actor.OPERATOR));

        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        InboxItem decided = inbox().item(item.id());
        assertThat(decided.open()).isFalse();
        assertThat(decided.decision()).isEqualTo("approved");
        assertThat(decided.decidedBy()).isEqualTo("operator");
        assertThat(Duration.between(decided.openedAt(), decided.closedAt())).isEqualTo(Duration.ofMinutes(5));
        Event e = decisions(run).stream().filter(x -> x.kind().equals("inbox.approved")).findFirst().orElseThrow();
        assertThat(e.actor()).isEqualTo(Actor.OPERATOR);
        assertThat(e.reason()).isEqualTo("reads well");
        assertThat(Json.read(e.after()).path("item").asString()).isEqualTo(item.id());
        assertThat(company.store().verify().ok()).isTrue();
        assertThat(inbox().list(0, 20, false).open()).isZero();
    }

    @Test
    void deciding_twice_and_an_unknown_item_are_refused_with_nothing_written() {
        gateFlow();
        Run run = start("review", null);
        InboxItem item = itemOf(run);
        inbox().approve(item.id(), null, Actor.OPERATOR);
        long events = company.store().lastSeq();

        assertThatThrownBy(() -> inbox().reject(item.id(), "changed my mind", Actor.OPERATOR))
                .isInstanceOf(SoloException.class).hasMessageContaining("was decided already: approved by operator");
        assertThatThrownBy(() -> inbox().approve("in_nosuchitem0000000", null, Actor.OPERATOR))
                .isInstanceOf(SoloException.class).hasMessage("no inbox item in_nosuchitem0000000 (see: solo inbox list)");
        assertThat(company.store().lastSeq()).isEqualTo(events);
    }

    @Test
    void an_edit_changes_the_gates_input_and_an_edit_that_breaks_it_is_refused() {
        gateFlow();
        Run run = start("review", null);
        InboxItem item = itemOf(run);

        assertThatThrownBy(() -> inbox().edit(item.id(), Json.parse("{\"words\": \"three\"}", "edit"), null, Actor.OPERATOR))
                .isInstanceOf(SoloException.class).hasMessageContaining("words: must be number like the original, not string");
        assertThatThrownBy(() -> inbox().edit(item.id(), Json.parse("{\"sign_off\": \"x\"}", "edit"), null, Actor.OPERATOR))
                .hasMessageContaining("sign_off: the gate's input has no such field (fields: body, subject, words)");
        assertThat(inbox().item(item.id()).open()).isTrue();

        Run after = drive(inbox().edit(item.id(), Json.parse("{\"subject\": \"Hello Ada\"}", "edit"), "warmer", Actor.OPERATOR));

        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        JsonNode out = step(after, "review").output();
        assertThat(out.path("input").path("subject").asString()).isEqualTo("Hello Ada");
        assertThat(out.path("input").path("body").asString()).isEqualTo("A first note");
        assertThat(out.path("edited").asBoolean()).isTrue();
        assertThat(inbox().item(item.id()).decision()).isEqualTo("edited");
        Event e = decisions(run).stream().filter(x -> x.kind().equals("inbox.edited")).findFirst().orElseThrow();
        assertThat(e.reason()).isEqualTo("warmer");
        assertThat(Json.read(e.after()).path("after").path("subject").asString()).isEqualTo("Hello Ada");
    }

    @Test
    void an_action_waiting_for_approval_runs_with_the_edited_input_which_is_checked_first() {
        Flows.write(company.dir(), "deal", """
                steps:
                  - id: create
                    action: entity.create
                    input: {type: lead, body: {name: "Ask Big Deal", email: "big@example.com"}}
                """);
        Run run = start("deal", null);
        InboxItem item = itemOf(run);
        assertThat(item.kind()).isEqualTo("approval");
        assertThat(item.title()).isEqualTo("entity.create: a large deal");

        assertThatThrownBy(() -> inbox().edit(item.id(), Json.parse("{\"body\": {\"name\": 7}}", "edit"), null, Actor.OPERATOR))
                .isInstanceOf(SoloException.class).hasMessageContaining("body/name");
        assertThatThrownBy(() -> inbox().edit(item.id(), Json.parse("{\"type\": \"unicorn\"}", "edit"), null, Actor.OPERATOR))
                .hasMessageContaining("type: no entity type 'unicorn'");
        assertThat(company.store().count("lead")).isZero();

        Run after = drive(inbox().edit(item.id(), Json.parse("{\"body\": {\"name\": \"Ask Big Deal Ltd\","
                + " \"email\": \"big@example.com\"}}", "edit"), null, Actor.OPERATOR));

        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(company.store().list("lead", null, 10)).extracting(l -> l.body().path("name").asString())
                .containsExactly("Ask Big Deal Ltd");
    }

    @Test
    void an_edit_the_policies_deny_still_fails_its_step() {
        Flows.write(company.dir(), "deal", """
                steps:
                  - id: create
                    action: entity.create
                    input: {type: lead, body: {name: "Ask Me", email: "me@example.com"}}
                """);
        Run run = start("deal", null);
        Run after = drive(inbox().edit(itemOf(run).id(), Json.parse("{\"body\": {\"name\": \"Deny Me\"}}", "edit"), null,
                Actor.OPERATOR));

        assertThat(after.status()).isEqualTo(RunStatus.FAILED);
        assertThat(step(after, "create").error()).contains("opted out (the operator's edit)");
        assertThat(company.store().count("lead")).isZero();
    }

    @Test
    void rejecting_needs_a_reason_fails_the_run_and_makes_no_failure_item() {
        gateFlow();
        Run run = start("review", null);
        InboxItem item = itemOf(run);
        assertThatThrownBy(() -> inbox().reject(item.id(), " ", Actor.OPERATOR))
                .hasMessageContaining("rejecting needs a reason");

        Run after = inbox().reject(item.id(), "wrong client", Actor.OPERATOR);

        assertThat(after.status()).isEqualTo(RunStatus.FAILED);
        assertThat(inbox().ofRun(run.id())).hasSize(1);
        assertThat(inbox().item(item.id()).decision()).isEqualTo("rejected");
        assertThat(decisions(run)).extracting(Event::kind).contains("inbox.rejected");
    }

    @Test
    void a_snoozed_item_leaves_the_queue_until_its_time() {
        gateFlow();
        Run run = start("review", null);
        InboxItem item = itemOf(run);
        assertThatThrownBy(() -> inbox().snooze(item.id(), START.minusSeconds(1), null, Actor.OPERATOR))
                .hasMessageContaining("a time to come");

        inbox().snooze(item.id(), START.plus(Duration.ofHours(2)), "after lunch", Actor.OPERATOR);

        Inbox.Page page = inbox().list(0, 20, false);
        assertThat(page.items()).isEmpty();
        assertThat(page.open()).isEqualTo(1);
        assertThat(page.snoozed()).isEqualTo(1);
        assertThat(inbox().list(0, 20, true).items()).extracting(InboxItem::id).containsExactly(item.id());
        assertThat(decisions(run)).extracting(Event::kind).contains("inbox.snoozed");
        clock.advance(Duration.ofHours(3));
        assertThat(inbox().list(0, 20, false).items()).extracting(InboxItem::id).containsExactly(item.id());
    }

    @Test
    void a_gate_decides_by_default_when_its_deadline_passes_even_after_a_restart() {
        Flows.write(company.dir(), "timed", """
                steps:
                  - id: ok
                    gate: {prompt: "Publish?", deadline: 2d, default: approve}
                  - id: no
                    gate: {prompt: "Charge?", deadline: 1h, default: reject}
                """);
        Run run = start("timed", null);
        InboxItem item = itemOf(run);
        assertThat(item.dueAt()).isEqualTo(START.plus(Duration.ofDays(2)));
        assertThat(item.defaultDecision()).isEqualTo("approve");

        clock.advance(Duration.ofDays(2).plusSeconds(1));
        try (var restarted = company.reopen()) {
            Run after = restarted.orchestrator().worker().driveToRest(run.id(), Duration.ZERO);
            assertThat(after.status()).isEqualTo(RunStatus.WAITING);
            assertThat(restarted.orchestrator().runs().steps(run.id()).getFirst().output().path("default").asBoolean()).isTrue();
            clock.advance(Duration.ofHours(2));
            after = restarted.orchestrator().worker().driveToRest(run.id(), Duration.ZERO);
            assertThat(after.status()).isEqualTo(RunStatus.FAILED);
            assertThat(after.error()).contains("rejected by default");
        }
        assertThat(inbox().ofRun(run.id())).extracting(InboxItem::decision).containsExactly("defaulted:approved",
                "defaulted:rejected");
        assertThat(inbox().ofRun(run.id())).extracting(InboxItem::decidedBy).containsOnly("system");
        assertThat(decisions(run)).filteredOn(e -> e.kind().equals("inbox.defaulted")).extracting(e -> e.actor().text())
                .containsExactly("system", "system");
    }

    @Test
    void the_queue_puts_near_deadlines_first_then_business_impact_then_age() {
        Flows.write(company.dir(), "plain", "steps:\n  - id: g\n    gate: \"plain\"\n");
        Flows.write(company.dir(), "soon", "steps:\n  - id: g\n    gate: {prompt: soon, deadline: 3h, default: reject}\n");
        Flows.write(company.dir(), "later", "steps:\n  - id: g\n    gate: {prompt: later, deadline: 3d, default: reject}\n");
        Flows.write(company.dir(), "deal", """
                steps:
                  - id: create
                    action: entity.create
                    input: {type: lead, body: {name: "Ask Money", email: "big@example.com"}}
                """);
        Run oldest = start("plain", null);
        clock.advance(Duration.ofMinutes(1));
        Run later = start("later", null);
        clock.advance(Duration.ofMinutes(1));
        Run deal = start("deal", null);
        clock.advance(Duration.ofMinutes(1));
        Run newest = start("plain", null);
        clock.advance(Duration.ofMinutes(1));
        Run soon = start("soon", null);

        List<InboxItem> page = inbox().list(0, 10, false).items();

        // a deadline within the day first; then money at stake; then the rest, oldest first
        assertThat(page).extracting(InboxItem::runId).containsExactly(soon.id(), deal.id(), oldest.id(), later.id(), newest.id());
        assertThat(itemOf(deal).impacts()).containsExactly("money");
        assertThat(inbox().list(2, 2, false).items()).extracting(InboxItem::runId).containsExactly(oldest.id(), later.id());
        assertThat(inbox().list(4, 2, false).items()).extracting(InboxItem::runId).containsExactly(newest.id());
    }

    @Test
    void a_failed_run_is_an_item_whose_playbook_retries_it_to_success() {
        Flows.write(company.dir(), "fragile", """
                steps:
                  - id: call
                    agent: flaky
                    input: {fail_times: 1}
                    retry: 1
                """);
        Run run = start("fragile", null);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        InboxItem item = itemOf(run);
        assertThat(item.kind()).isEqualTo("failure");
        assertThat(item.stepId()).isEqualTo("call");
        assertThat(item.title()).startsWith("failed: step call failed after 1 attempt: flaky failure 1");
        InboxEntry entry = inbox().show(item.id());
        assertThat(entry.failure().kind().text()).isEqualTo("step_error");
        assertThat(entry.failure().error()).isEqualTo("IllegalStateException");
        assertThat(entry.actions()).extracting(a -> a.name()).containsExactly("retry", "fork", "compensate", "cancel");
        assertThatThrownBy(() -> inbox().approve(item.id(), null, Actor.OPERATOR)).hasMessageContaining("is a failed run");
        assertThatThrownBy(() -> inbox().act(item.id(), "explode", null, null, null, Actor.OPERATOR))
                .hasMessageContaining("offers no action 'explode' (it offers: retry, fork, compensate, cancel)");

        Run after = drive(inbox().act(item.id(), "retry", null, null, "try again", Actor.OPERATOR));

        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(inbox().item(item.id()).decision()).isEqualTo("playbook:default/retry");
        assertThat(decisions(run)).extracting(Event::kind).contains("playbook.retry");
    }

    @Test
    void an_automatic_playbook_retries_by_itself_a_bounded_number_of_times_then_leaves_it_to_the_operator() {
        Flows.write(company.dir(), "fragile", """
                steps:
                  - id: call
                    agent: flaky
                    input: {fail_times: 5}
                    retry: 1
                """);
        writePlaybook("flaky-calls", """
                on: {failure: step_error, flow: fragile, error: IllegalStateException}
                automatic: true
                actions:
                  - retry: {after: 1s, attempts: 2}
                  - cancel
                """);
        Run run = start("fragile", null);
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);

        assertThat(inbox().sweep()).isEqualTo(1); // retry 1 of 2, after 1s
        assertThat(o().runs().get(run.id()).status()).isEqualTo(RunStatus.WAITING);
        assertThat(o().runs().get(run.id()).wakeAt()).isEqualTo(START.plusSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(drive(run).status()).isEqualTo(RunStatus.FAILED);
        assertThat(inbox().sweep()).isEqualTo(1); // retry 2 of 2, after 2s
        assertThat(o().runs().get(run.id()).wakeAt()).isEqualTo(START.plusSeconds(3));
        clock.advance(Duration.ofSeconds(2));
        assertThat(drive(run).status()).isEqualTo(RunStatus.FAILED);
        assertThat(inbox().sweep()).isEqualTo(1); // retries used up: the next action, cancel
        assertThat(o().runs().get(run.id()).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(inbox().sweep()).isZero();

        assertThat(inbox().ofRun(run.id())).extracting(InboxItem::decision).containsExactly("playbook:flaky-calls/retry",
                "playbook:flaky-calls/retry", "playbook:flaky-calls/cancel");
        assertThat(decisions(run)).filteredOn(e -> e.kind().startsWith("playbook.")).extracting(Event::reason)
                .containsExactly("playbook flaky-calls: retry (automatic, 1 of 2)", "playbook flaky-calls: retry (automatic, 2 of 2)",
                        "playbook flaky-calls: cancel (automatic, 1)");
    }

    @Test
    void a_fork_from_a_failed_run_starts_a_new_run_with_the_edited_input() {
        Flows.write(company.dir(), "fragile", """
                input: {required: [fail_times]}
                steps:
                  - id: call
                    agent: flaky
                    input: {fail_times: "${input.fail_times}"}
                    retry: 1
                """);
        Run run = start("fragile", Json.object().put("fail_times", 9));
        InboxItem item = itemOf(run);

        Run forked = drive(inbox().act(item.id(), "fork", Json.object().put("fail_times", 0), null, "no failures this time",
                Actor.OPERATOR));

        assertThat(forked.id()).isNotEqualTo(run.id());
        assertThat(forked.forkedFrom()).isEqualTo(run.id());
        assertThat(forked.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(inbox().item(item.id()).decision()).isEqualTo("playbook:default/fork");
        Event e = decisions(run).stream().filter(x -> x.kind().equals("playbook.fork")).findFirst().orElseThrow();
        assertThat(Json.read(e.after()).path("run").asString()).isEqualTo(forked.id());
    }

    @Test
    void an_action_whose_outcome_a_crash_hid_is_an_item_that_is_never_repeated_without_the_operator() {
        Flows.write(company.dir(), "poked", "steps:\n  - id: poke\n    action: poke\n");
        Run run = o().runs().startLeased("poked", null, null);
        // what a crash during the action leaves: its attempt checkpointed as running, no outcome
        company.store().storage().write(tx -> {
            new RunRepository().saveStep(tx, new StepRecord(run.id(), "poke", "action", StepStatus.RUNNING, 1, null, null, null,
                    null, null, null, START, null));
            new RunRepository().release(tx, run.id(), run.leaseOwner(), START); // and the next process takes it
            return null;
        });
        drive(run);
        assertThat(o().runs().get(run.id()).status()).isEqualTo(RunStatus.WAITING);
        InboxItem item = itemOf(run);
        assertThat(item.kind()).isEqualTo("outcome");
        assertThat(item.title()).startsWith("outcome unknown: poke");
        InboxEntry entry = inbox().show(item.id());
        assertThat(entry.failure().kind().text()).isEqualTo("outcome_unknown");
        assertThat(entry.decisions()).containsExactly("approve", "reject", "snooze");
        assertThat(entry.actions()).extracting(a -> a.name()).containsExactly("compensate", "cancel");
        assertThat(inbox().sweep()).isZero();
        assertThat(calls.get("poke")).isNull();

        Run after = drive(inbox().reject(item.id(), "it did not happen", Actor.OPERATOR));

        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(calls.get("poke").get()).isEqualTo(1);
        assertThat(decisions(run)).extracting(Event::kind).contains("inbox.rejected");
    }

    @Test
    void kpis_and_the_digest_read_the_runs_the_items_and_the_ledger() {
        gateFlow();
        Run approved = start("review", null);
        clock.advance(Duration.ofMinutes(4));
        drive(inbox().approve(itemOf(approved).id(), null, Actor.OPERATOR));
        Run waiting = start("review", null);
        var ledger = company.solo().execution().ledger();
        for (int i = 0; i < 3; i++) {
            ledger.record(new solo.execution.ledger.LedgerEntry("call_" + i, START, ledger.dayOf(START),
                    new solo.execution.RunRef(i == 2 ? waiting.id() : approved.id(), "review", "review"), "qualifier", "p", "m",
                    "standard", "k" + i, 100, 20, 5, 250, true, i == 1, "ok", null));
        }

        var report = o().kpis().compute(null, START, START.plus(Duration.ofDays(1)));

        assertThat(report.overall().runs()).isEqualTo(2);
        assertThat(report.overall().completed()).isEqualTo(1);
        assertThat(report.overall().inProgress()).isEqualTo(1);
        assertThat(report.overall().cycleTime()).isEqualTo(new solo.orchestration.report.Kpis.Percentiles(240_000L, 240_000L, 1));
        assertThat(report.overall().operatorWait().p50()).isEqualTo(240_000L);
        assertThat(report.overall().interventionRate()).isEqualTo(1.0);
        assertThat(report.overall().usage()).isEqualTo(new solo.orchestration.report.ModelUsage.Totals(3, 1, 300, 60, 750));
        assertThat(report.overall().cacheHitRate()).isEqualTo(0.3333);

        var digest = o().digest().write(java.time.LocalDate.parse("2030-01-07"), false);
        assertThat(digest.text()).contains("2 runs started.", "- review: 1 completed, 1 waiting", "1 item waits",
                "3 model calls, 300 tokens in and 60 out, 0.0008 USD; 1 answered from the cache.");
        assertThat(o().digest().write(java.time.LocalDate.parse("2030-01-07"), false).created()).isFalse();
    }

    @Test
    void cancelling_a_run_closes_its_items() {
        gateFlow();
        Run run = start("review", null);
        InboxItem item = itemOf(run);
        o().runs().cancel(run.id(), "not needed");
        assertThat(inbox().item(item.id()).decision()).isEqualTo("cancelled");
        assertThat(inbox().list(0, 10, false).open()).isZero();
    }

    void writePlaybook(String name, String yaml) {
        try {
            java.nio.file.Path dir = company.dir().resolve("playbooks");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve(name + ".yaml"), yaml);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
