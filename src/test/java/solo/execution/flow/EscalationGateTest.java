package solo.execution.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static solo.execution.flow.FlowRuns.run;
import static solo.execution.flow.FlowRuns.step;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Write;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;

/**
 * Below the confidence solo.yaml asks of an action's business impact, the runtime puts a gate before the
 * action by itself: for a flow's action that reads an agent's output, and for an action an agent proposed.
 */
class EscalationGateTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final OpenAiServer server = new OpenAiServer();
    Solo solo;
    String ada;

    @BeforeEach
    void open() {
        solo = Configured.open(company, Configured.openAi(server.baseUrl(), ""));
        ada = FlowRuns.lead(solo, "{\"name\": \"Ada Park\", \"email\": \"ada@acme.com\"}");
        solo.store().write(Write.of(Actor.OPERATOR, "met", new Change.AddArtifact(null, "note", null, "Ada wants a redesign.",
                null, "text/plain", null, null, List.of(ada))));
        FlowRuns.write(solo, "outreach", """
                input: {required: [lead_id]}
                steps:
                  - id: draft
                    agent: copywriter
                    about: "${input.lead_id}"
                    input: {recipient: {id: "${input.lead_id}", name: Ada Park}, purpose: a first note}
                  - id: send
                    action: email.send
                    input: {to: ["${input.lead_id}"], subject: "${steps.draft.output.subject}", text: "${steps.draft.output.body}"}
                """);
    }

    @AfterEach
    void close() {
        solo.close();
        server.close();
    }

    Run outreach(double confidence) {
        server.answer("{\"subject\": \"Hello\", \"body\": \"Hi Ada\", \"confidence\": " + confidence + "}");
        return run(solo, "outreach", "{\"lead_id\": \"" + ada + "\"}");
    }

    @Test
    void an_email_drafted_with_low_confidence_waits_at_a_gate_the_runtime_inserted() {
        Run run = outreach(0.6);

        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        var send = step(solo, run, "send");
        assertThat(send.waitingFor()).isEqualTo("approval");
        assertThat(send.detail().at("/policy/decision").asString()).isEqualTo("allow");
        assertThat(send.detail().at("/escalation/gate").asBoolean()).isTrue();
        assertThat(send.detail().at("/escalation/threshold").asDouble()).isEqualTo(0.85);
        assertThat(send.detail().get("reason").asString()).contains("confidence 0.60 is below 0.85, the threshold for send_email");

        Run done = FlowRuns.approve(solo, run, "send");

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.output().get("message_id").asString()).endsWith("@solo.local>");
    }

    @Test
    void an_email_drafted_with_enough_confidence_goes_without_asking() {
        Run run = outreach(0.95);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(step(solo, run, "send").detail().at("/escalation/gate").asBoolean()).isFalse();
    }

    @Test
    void an_action_an_agent_proposes_with_low_confidence_waits_at_a_gate() {
        server.answer("""
                {"subject": "Hello", "body": "Hi Ada", "confidence": 0.5,
                 "actions": [{"type": "send_email", "targets": ["%s"]}]}""".formatted(ada));
        FlowRuns.write(solo, "proposing", """
                input: {required: [lead_id]}
                steps:
                  - id: draft
                    agent: copywriter
                    about: "${input.lead_id}"
                    input: {recipient: {id: "${input.lead_id}", name: Ada Park}, purpose: write and send a first note}
                """);

        Run run = run(solo, "proposing", "{\"lead_id\": \"" + ada + "\"}");

        var send = step(solo, run, "draft[action-1]");
        assertThat(send.waitingFor()).isEqualTo("approval");
        assertThat(send.detail().get("reason").asString()).contains("confidence 0.50 is below 0.85")
                .contains("proposed by agent copywriter");
    }
}
