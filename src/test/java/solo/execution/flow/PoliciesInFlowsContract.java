package solo.execution.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static solo.execution.flow.FlowRuns.detail;
import static solo.execution.flow.FlowRuns.run;
import static solo.execution.flow.FlowRuns.step;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.Configured;
import solo.execution.Definitions;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepStatus;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Write;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * Each shipped policy in flows driven by the runtime, on both storages (the history they count is the
 * runtime's own record of actions): denying, requiring approval, and allowing otherwise; the decision is
 * recorded on the step with who proposed the action.
 */
public abstract class PoliciesInFlowsContract {
    @RegisterExtension
    final TestCompany company;
    final OpenAiServer server = new OpenAiServer();
    Solo solo;

    protected PoliciesInFlowsContract(Database database) {
        company = TestCompany.instance().withDatabase(database).closed();
    }

    @BeforeEach
    void open() {
        Definitions.write(company, "policies/email-daily-cap.yaml", """
                description: at most 2 outbound emails a day in this test
                vars: {max_per_day: 2, max_recipients: 3}
                rules:
                  - name: daily_cap
                    when: action.type == 'send_email' && today.send_email + size(action.targets) > vars.max_per_day
                    effect: deny
                    reason: "at most {{vars.max_per_day}} outbound emails a day ({{today.send_email}} sent today)"
                  - name: many_recipients
                    when: action.type == 'send_email' && size(action.targets) > vars.max_recipients
                    effect: require_approval
                    reason: "more than {{vars.max_recipients}} recipients at once"
                """);
        solo = Configured.open(company, Configured.openAi(server.baseUrl(), ""));
        FlowRuns.write(solo, "mail", """
                input: {required: [to]}
                steps:
                  - id: send
                    action: email.send
                    input: {to: "${input.to}", subject: Hello, text: Good to meet you.}
                """);
        FlowRuns.write(solo, "invoice", """
                input: {required: [invoice, customer]}
                steps:
                  - id: send
                    action: email.send
                    input: {as: send_invoice, targets: ["${input.invoice}"], to: ["${input.customer}"],
                            subject: Your invoice, text: Please find it below.}
                """);
        FlowRuns.write(solo, "offer", """
                input: {required: [lead_id]}
                steps:
                  - id: draft
                    agent: copywriter
                    about: "${input.lead_id}"
                    input: {recipient: {id: "${input.lead_id}", name: Ada}, purpose: send our offer}
                """);
    }

    @AfterEach
    void close() {
        solo.close();
        server.close();
    }

    String lead(String name, boolean optedOut) {
        String id = FlowRuns.lead(solo, "{\"name\": \"" + name + "\", \"email\": \"" + name.toLowerCase().replace(' ', '.')
                + "@acme.com\"" + (optedOut ? ", \"opted_out\": true" : "") + "}");
        solo.store().write(Write.of(Actor.OPERATOR, "context", new Change.AddArtifact(null, "note", null, name + " asked for a quote.",
                null, "text/plain", null, null, List.of(id))));
        return id;
    }

    List<Path> outbox() {
        Path dir = company.dir().resolve(".solo/outbox");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".eml")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    Run mail(String... to) {
        return run(solo, "mail", Json.write(Json.object().set("to", Json.tree(List.of(to)))));
    }

    @Test
    void an_email_to_a_lead_who_opted_out_is_denied_and_nothing_is_sent() {
        String bob = lead("Bob Stone", true);

        Run run = mail(bob);

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("a recipient opted out").contains("opted-out/recipient_opted_out");
        JsonNode d = detail(solo, run, "send");
        assertThat(d.get("decision").asString()).isEqualTo("deny");
        assertThat(d.at("/policy/rules/0/rule").asString()).isEqualTo("recipient_opted_out");
        assertThat(d.at("/policy/proposed_by").asString()).isEqualTo("flow mail");
        assertThat(outbox()).isEmpty();
    }

    @Test
    void an_email_to_a_lead_who_did_not_opt_out_goes_and_the_allowing_decision_is_recorded() {
        String ada = lead("Ada Park", false);

        Run run = mail(ada);

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        JsonNode d = detail(solo, run, "send");
        assertThat(d.at("/policy/decision").asString()).isEqualTo("allow");
        assertThat(d.at("/policy/targets/0").asString()).isEqualTo(ada);
        assertThat(outbox()).hasSize(1);
        // the Message-ID is made from the step's idempotency key (RUN/send), never at random
        assertThat(run.output().get("message_id").asString()).startsWith("<" + run.id() + "-send-").endsWith("@solo.local>");
    }

    @Test
    void a_discount_above_the_cap_proposed_by_an_agent_waits_for_approval_and_goes_once_approved() {
        String ada = lead("Ada Park", false);
        server.answer("""
                {"subject": "Our offer", "body": "20%% off the redesign.", "confidence": 0.95,
                 "actions": [{"type": "send_offer", "targets": ["%s"], "params": {"discount_percent": 20}, "reason": "she asked"}]}"""
                .formatted(ada));

        Run waiting = run(solo, "offer", "{\"lead_id\": \"" + ada + "\"}");

        assertThat(waiting.status()).isEqualTo(RunStatus.WAITING);
        var action = step(solo, waiting, "draft[action-1]");
        assertThat(action.waitingFor()).isEqualTo("approval");
        assertThat(action.detail().at("/policy/rules/0/rule").asString()).isEqualTo("discount_above_cap");
        assertThat(action.detail().get("proposed_by").asString()).isEqualTo("copywriter");
        assertThat(action.detail().get("reason").asString()).contains("a discount of 20% is above 15%")
                .contains("agent copywriter");
        assertThat(step(solo, waiting, "draft").output().get("subject").asString()).isEqualTo("Our offer");
        assertThat(outbox()).isEmpty();

        Run done = FlowRuns.approve(solo, waiting, "draft[action-1]");

        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(step(solo, done, "draft").status()).isEqualTo(StepStatus.DONE);
        assertThat(outbox()).hasSize(1);
        assertThat(server.requestCount()).isEqualTo(1); // the agent was not asked again
    }

    @Test
    void the_daily_cap_counts_the_emails_the_runtime_sent_today() {
        String ada = lead("Ada Park", false);

        assertThat(mail(ada).status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(mail(ada).status()).isEqualTo(RunStatus.COMPLETED);
        Run third = mail(ada);

        assertThat(third.status()).isEqualTo(RunStatus.FAILED);
        assertThat(third.error()).contains("at most 2 outbound emails a day (2 sent today)");
        assertThat(outbox()).hasSize(2);
    }

    @Test
    void an_email_to_many_recipients_at_once_waits_for_the_operator() {
        String[] leads = {lead("A One", false), lead("B Two", false), lead("C Three", false), lead("D Four", false)};
        Definitions.write(company, "policies/email-daily-cap.yaml", """
                vars: {max_recipients: 3}
                rules:
                  - name: many_recipients
                    when: action.type == 'send_email' && size(action.targets) > vars.max_recipients
                    effect: require_approval
                    reason: "more than {{vars.max_recipients}} recipients at once"
                """);
        solo.close();
        solo = Configured.open(company, "");

        Run run = mail(leads);

        assertThat(run.status()).isEqualTo(RunStatus.WAITING);
        assertThat(step(solo, run, "send").detail().get("reason").asString()).contains("more than 3 recipients at once");
        assertThat(outbox()).isEmpty();
    }

    @Test
    void an_invoice_is_never_sent_twice() {
        String customer = solo.store().create(Actor.OPERATOR, "t", "customer", Json.parse("""
                {"name": "Acme", "billing_email": "billing@acme.com"}""", "c")).id();
        String invoice = solo.store().create(Actor.OPERATOR, "t", "invoice", Json.parse("""
                {"number": "2026-001", "amount": 1200, "currency": "EUR", "status": "draft", "due": "2026-03-01"}""", "i")).id();
        String input = "{\"invoice\": \"" + invoice + "\", \"customer\": \"" + customer + "\"}";

        Run first = run(solo, "invoice", input);
        Run second = run(solo, "invoice", input);

        assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(second.status()).isEqualTo(RunStatus.FAILED);
        assertThat(detail(solo, second, "send").at("/policy/rules/0/rule").asString()).isEqualTo("invoice_already_sent");
        assertThat(outbox()).hasSize(1);
    }
}
