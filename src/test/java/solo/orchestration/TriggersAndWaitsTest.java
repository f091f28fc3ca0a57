package solo.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.TestCompany;

/** Durable waits across a restart, cron schedules missed while down, and entity-event triggers. */
class TriggersAndWaitsTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:30:00Z"));

    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    @Test
    void a_wait_survives_a_restart_in_the_middle() throws Exception {
        Flows.write(company.dir(), "pause", """
                steps:
                  - id: before
                    agent: noop
                  - id: nap
                    wait: 2s
                  - id: after
                    agent: echo
                    input: {woke: true}
                """);
        String id;
        Instant parked;
        try (Solo first = company.reopen()) {
            Run run = first.orchestrator().runs().start("pause", null, null);
            id = run.id();
            Run waiting = first.orchestrator().worker().driveToRest(id, Duration.ZERO);
            assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
            parked = waiting.wakeAt();
        }
        Thread.sleep(500); // Solo is down for part of the wait
        try (Solo second = company.reopen()) {
            second.orchestrator().start();
            Run done = waitForEnd(second, id);
            assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(done.output()).isEqualTo(Json.object().put("woke", true));
            assertThat(done.finishedAt()).isAfterOrEqualTo(parked);
            List<StepRecord> steps = second.orchestrator().runs().steps(id);
            assertThat(steps).extracting(StepRecord::stepId).containsExactly("before", "nap", "after");
            assertThat(steps.getFirst().attempts()).isEqualTo(1);
        }
    }

    @Test
    void a_schedule_missed_while_solo_was_down_fires_once() {
        Flows.write(company.dir(), "hourly", """
                triggers:
                  - cron: "0 * * * *"
                steps:
                  - id: work
                    agent: echo
                    input: {for: "${trigger.scheduled_for}"}
                """);
        try (Solo up = Solo.builder(company.company()).withDatabaseUrl(company.databaseUrl()).withClock(clock).open()) {
            assertThat(up.orchestrator().cron().tick(clock.instant())).isZero(); // first seen: nothing in the past fires
        }
        clock.set(Instant.parse("2026-03-02T13:10:00Z")); // down for the 11:00, 12:00 and 13:00 ticks
        try (Solo again = Solo.builder(company.company()).withDatabaseUrl(company.databaseUrl()).withClock(clock).open()) {
            assertThat(again.orchestrator().cron().tick(clock.instant())).isEqualTo(1);
            assertThat(again.orchestrator().cron().tick(clock.instant())).isZero();
            clock.set(Instant.parse("2026-03-02T13:59:59Z"));
            assertThat(again.orchestrator().cron().tick(clock.instant())).isZero();
            clock.set(Instant.parse("2026-03-02T14:00:00Z"));
            assertThat(again.orchestrator().cron().tick(clock.instant())).isEqualTo(1);
            List<Run> runs = again.orchestrator().runs().list("hourly", null, 10);
            assertThat(runs).extracting(r -> r.trigger().path("scheduled_for").asString())
                    .containsExactlyInAnyOrder("2026-03-02T13:00:00Z", "2026-03-02T14:00:00Z");
        }
    }

    @Test
    void an_entity_event_starts_the_flows_whose_filter_it_passes_once() {
        Flows.write(company.dir(), "hot-lead", """
                triggers:
                  - entity: lead
                    on: [created]
                    when: "entity.body.score > 50"
                steps:
                  - id: look
                    agent: echo
                    input: {lead: "${input.entity_id}"}
                """);
        try (Solo solo = company.reopen()) {
            var triggers = solo.orchestrator().entityTriggers();
            assertThat(triggers.poll()).isZero(); // starts from now
            var hot = solo.store().create(Actor.OPERATOR, null, "lead", Json.object().put("name", "Hot").put("score", 80));
            solo.store().create(Actor.OPERATOR, null, "lead", Json.object().put("name", "Cold").put("score", 20));
            solo.store().update(Actor.OPERATOR, null, hot.id(), 1, Json.object().put("name", "Hot").put("score", 90));

            assertThat(triggers.poll()).isEqualTo(1);
            assertThat(triggers.poll()).isZero();
            Run run = solo.orchestrator().runs().list("hot-lead", null, 10).getFirst();
            assertThat(run.input()).isEqualTo(Json.object().put("entity_id", hot.id()));
            assertThat(run.trigger().path("event").asString()).isEqualTo("entity.created");
            Run done = solo.orchestrator().worker().driveToRest(run.id(), Duration.ZERO);
            assertThat(done.output()).isEqualTo(Json.object().put("lead", hot.id()));
        }
    }

    private static Run waitForEnd(Solo solo, String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        Run run = solo.orchestrator().runs().get(id);
        while (!run.status().finished() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            run = solo.orchestrator().runs().get(id);
        }
        return run;
    }
}
