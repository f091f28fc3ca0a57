package solo.execution.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.orchestration.inbox.FailureKind;
import solo.orchestration.inbox.InboxEntry;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.inbox.PlaybookAction;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;

/**
 * The playbooks `solo init` ships, on real failures of real steps: an agent's model provider answering 500s,
 * an answer that keeps breaking the contract, a policy's denial. Each failure is classified from what its step
 * recorded, finds its playbook, and the automatic ones act by themselves.
 */
class ShippedPlaybooksTest {
    static final String VALID = """
            {"score": 82, "qualified": true, "reasons": ["budget fits"], "next_step": "draft_email", "confidence": 0.9}""";
    static final String INVALID = """
            {"score": 150, "qualified": true, "reasons": ["budget fits"], "next_step": "draft_email", "confidence": 0.9}""";

    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final OpenAiServer server = new OpenAiServer();
    Solo solo;

    @AfterEach
    void close() {
        if (solo != null) {
            solo.close();
        }
        server.close();
    }

    void open() {
        solo = Configured.open(company, Configured.openAi(server.baseUrl(), ""));
        FlowRuns.write(solo, "qualify", """
                steps:
                  - id: qualify
                    agent: qualifier
                    input: {lead: {id: lead_1, name: Ada Park}, criteria: budget above 5k}
                    retry: {attempts: 1}
                """);
    }

    InboxEntry failure(Run run) {
        InboxItem item = solo.orchestrator().inbox().ofRun(run.id()).stream().filter(InboxItem::open).findFirst().orElseThrow();
        assertThat(item.kind()).isEqualTo("failure");
        return solo.orchestrator().inbox().show(item.id());
    }

    @Test
    void a_provider_that_answers_500s_is_retried_by_itself_later() {
        open();
        for (int i = 0; i < 3; i++) {
            server.error(500, Map.of());
        }
        Run run = FlowRuns.run(solo, "qualify", "{}");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);

        InboxEntry e = failure(run);
        assertThat(e.failure().kind()).isEqualTo(FailureKind.MODEL_PROVIDER_DOWN);
        assertThat(e.failure().reason()).isEqualTo("server_error");
        assertThat(e.playbook().name()).isEqualTo("model-provider-down");
        assertThat(e.playbook().automatic()).isTrue();
        assertThat(e.actions()).extracting(PlaybookAction::name).containsExactly("retry", "retry_on_tier", "notify", "fork",
                "compensate", "cancel");

        assertThat(solo.orchestrator().inbox().sweep()).isEqualTo(1);
        Run later = solo.orchestrator().runs().get(run.id());
        assertThat(later.status()).isEqualTo(RunStatus.WAITING);
        assertThat(Duration.between(later.updatedAt(), later.wakeAt())).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void an_answer_that_keeps_breaking_the_contract_is_asked_of_the_premium_tier() {
        open();
        server.answer(INVALID).answer(INVALID).answer(VALID);
        Run run = FlowRuns.run(solo, "qualify", "{}");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        InboxEntry e = failure(run);
        assertThat(e.failure().kind()).isEqualTo(FailureKind.INVALID_OUTPUT);
        assertThat(e.playbook().name()).isEqualTo("invalid-model-output");

        assertThat(solo.orchestrator().inbox().sweep()).isEqualTo(1);
        Run after = FlowRuns.resume(solo, run);

        assertThat(after.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(FlowRuns.step(solo, after, "qualify").output().path("score").asInt()).isEqualTo(82);
        assertThat(solo.execution().ledger().forRun(run.id()).getLast().tier()).isEqualTo("premium");
        assertThat(solo.orchestrator().inbox().ofRun(run.id()).getFirst().decision())
                .isEqualTo("playbook:invalid-model-output/retry_on_tier");
    }

    @Test
    void a_policy_denial_is_for_the_operator_who_can_compensate_the_run() {
        open();
        String lead = FlowRuns.lead(solo, "{\"name\": \"Ada Park\", \"email\": \"ada@acme.com\", \"opted_out\": true}");
        FlowRuns.write(solo, "mail", """
                input: {required: [lead_id]}
                steps:
                  - id: note
                    action: note.add
                    input: {entity: "${input.lead_id}", text: "about to write"}
                  - id: send
                    action: email.send
                    input: {to: ["${input.lead_id}"], subject: Hello, text: "A first note"}
                """);
        Run run = FlowRuns.run(solo, "mail", "{\"lead_id\": \"" + lead + "\"}");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        InboxEntry e = failure(run);
        assertThat(e.failure().kind()).isEqualTo(FailureKind.POLICY_DENIED);
        assertThat(e.failure().action()).isEqualTo("email.send");
        assertThat(e.why().path("denied").asString()).contains("a recipient opted out of email");
        assertThat(e.playbook().name()).isEqualTo("policy-denied");
        assertThat(solo.orchestrator().inbox().sweep()).isZero(); // not automatic: the rule said no
        assertThat(solo.store().artifacts(lead, 10)).hasSize(1);

        Run after = solo.orchestrator().inbox().act(e.item().id(), "compensate", null, null, "never mind", Actor.OPERATOR);

        assertThat(after.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(solo.store().artifacts(lead, 10)).isEmpty();
    }
}
