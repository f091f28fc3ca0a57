package solo.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionCall;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunRepository;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;
import solo.orchestration.step.StepContext;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepOutcome;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.TestCompany;

/** The seams: a step kind added by another layer, its concurrency limit, and actions with outside effects. */
class PluggableStepsTest {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final AtomicInteger emailsSent = new AtomicInteger();

    /** A kind of step from another layer, allowed two at a time in a process (as a model provider would be). */
    final StepKind slow = new StepKind() {
        @Override
        public String name() {
            return "slow";
        }

        @Override
        public int concurrency() {
            return 2;
        }

        @Override
        public StepOutcome execute(StepContext context) throws InterruptedException {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            Thread.sleep(30);
            running.decrementAndGet();
            return StepOutcome.done(Json.object().put("item", context.stepId()));
        }
    };

    /** An email that cannot check afterwards whether it went out. */
    final Action email = new Action() {
        @Override
        public String name() {
            return "email.fake";
        }

        @Override
        public boolean hasOutsideEffects() {
            return true;
        }

        @Override
        public StepOutcome perform(ActionCall call) {
            emailsSent.incrementAndGet();
            return StepOutcome.done(Json.object().put("message_id", call.idempotencyKey()));
        }
    };

    @RegisterExtension
    TestCompany company = TestCompany.instance().withSolo(b -> b.withStepKind(slow).withAction(email));

    @Test
    void a_registered_step_kind_runs_and_its_concurrency_limit_holds() {
        Flows.write(company.dir(), "fan", """
                steps:
                  - id: each
                    foreach: "[1, 2, 3, 4, 5, 6, 7, 8]"
                    parallel: 8
                    do:
                      slow: {}
                """);
        var o = company.solo().orchestrator();
        Run run = o.worker().driveToRest(o.runs().start("fan", null, null).id(), Duration.ZERO);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.output()).hasSize(8);
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void an_outside_effect_whose_outcome_a_crash_hid_goes_to_the_operator_and_is_not_repeated() {
        Flows.write(company.dir(), "mail", "steps:\n  - id: send\n    action: email.fake\n  - id: after\n    agent: noop\n");
        var o = company.solo().orchestrator();
        Run run = o.runs().startLeased("mail", null, null);
        // what a crash between the 'running' checkpoint and the next one leaves behind
        company.store().storage().write(tx -> {
            new RunRepository().saveStep(tx, new StepRecord(run.id(), "send", "action", StepStatus.RUNNING, 1, null, null,
                    null, null, null, null, Instant.now(), null));
            return null;
        });

        Run waiting = o.worker().driveToRest(run.id(), Duration.ZERO);

        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
        assertThat(emailsSent.get()).isZero();
        StepRecord send = o.runs().waitingForOperator(10).getFirst();
        assertThat(send.stepId()).isEqualTo("send");
        assertThat(send.waitingFor()).isEqualTo("outcome");

        o.runs().answer(run.id(), "send", true, "it is in my sent folder", Actor.OPERATOR);
        Run done = o.worker().driveToRest(run.id(), Duration.ZERO);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(emailsSent.get()).isZero();
    }

    @Test
    void an_outside_effect_the_operator_says_did_not_happen_is_performed_once_with_the_same_key() {
        Flows.write(company.dir(), "mail", "steps:\n  - id: send\n    action: email.fake\n");
        var o = company.solo().orchestrator();
        Run run = o.runs().startLeased("mail", null, null);
        company.store().storage().write(tx -> {
            new RunRepository().saveStep(tx, new StepRecord(run.id(), "send", "action", StepStatus.RUNNING, 1, null, null,
                    null, null, null, null, Instant.now(), null));
            return null;
        });
        o.worker().driveToRest(run.id(), Duration.ZERO);

        o.runs().answer(run.id(), "send", false, "not in the sent folder", Actor.OPERATOR);
        Run done = o.worker().driveToRest(run.id(), Duration.ZERO);

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(emailsSent.get()).isEqualTo(1);
        assertThat(done.output()).isEqualTo(Json.object().put("message_id", run.id() + "/send"));
    }
}
