package solo.flagship;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.runtime.Run;
import solo.state.Entity;
import solo.state.Event;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * Lead qualification, end to end, as {@code solo init} ships it: a lead arrives by the web form (or by email),
 * is recorded once, researched, scored, gets a first email drafted, waits for the operator when the draft is
 * uncertain, and once approved the email goes out through SMTP and the lead is marked contacted.
 */
class LeadQualificationFlowTest {
    static final String RESEARCH = """
            {"summary": "Ada leads product at Acme Robotics and needs their fleet dashboard redesigned; budget about 12k, start next month.",
             "facts": ["Head of Product at Acme Robotics", "budget about 12,000"], "gaps": ["decision process"], "confidence": 0.8}""";
    static final String QUALIFIED = """
            {"score": 82, "qualified": true, "reasons": ["product lead with a concrete dashboard need and budget"],
             "next_step": "draft_email", "confidence": 0.9}""";
    static final String NOT_A_FIT = """
            {"score": 18, "qualified": false, "reasons": ["a student project, no budget"], "next_step": "disqualify", "confidence": 0.95}""";
    static final String UNSURE_DRAFT = """
            {"subject": "Your fleet dashboard", "body": "Hi Ada, thanks for writing. A 20-minute call next week?", "confidence": 0.7}""";

    @RegisterExtension
    final TestCompany company = TestCompany.instance().withShippedFlows().closed();
    Flagship solo;

    @BeforeEach
    void start() {
        solo = new Flagship(company);
    }

    @AfterEach
    void stop() {
        solo.close();
    }

    @Test
    void a_lead_from_the_web_form_is_researched_scored_drafted_approved_sent_and_marked_contacted() throws Exception {
        solo.model.answer(RESEARCH, 900, 120).answer(QUALIFIED, 1100, 80).answer(UNSURE_DRAFT, 1300, 150);

        var accepted = solo.webform("""
                {"name": "Ada Park", "email": "ada@acme.example.com", "company": "Acme Robotics",
                 "message": "We need our robot fleet dashboard redesigned.", "budget": 12000}""", "form-1");
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);

        Run intake = solo.awaitStatus(solo.onlyRun("lead-intake").id(), "completed");
        Entity lead = solo.solo.store().list("lead", null, 10).getFirst();
        assertThat(lead.body().get("source").asString()).isEqualTo("webform");
        assertThat(solo.solo.store().artifacts(lead.id(), 10)).extracting(a -> a.kind()).contains("note");

        Run run = solo.awaitStatus(solo.onlyRun("lead-qualification").id(), "waiting");
        assertThat(solo.step(run, "review").waitingFor()).isEqualTo("gate");
        JsonNode shown = solo.step(run, "review").detail().get("input");
        assertThat(shown.get("subject").asString()).isEqualTo("Your fleet dashboard");
        assertThat(shown.get("score").asInt()).isEqualTo(82);
        assertThat(solo.mail.mailbox("ada@acme.example.com")).isEmpty(); // nothing leaves before the operator says so

        var approved = solo.api.post("/api/gates/" + run.id() + "/review/approve", java.util.Map.of("reason", "good first note"));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        Run done = solo.awaitStatus(run.id(), "completed");

        List<MimeMessage> got = solo.mail.mailbox("ada@acme.example.com");
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("Your fleet dashboard");
            assertThat(m.getMessageID()).contains(done.id());
        });
        Entity after = solo.solo.store().get(lead.id());
        assertThat(after.body().get("status").asString()).isEqualTo("contacted");
        assertThat(after.body().get("score").asInt()).isEqualTo(82);
        List<Event> history = solo.solo.store().history(lead.id()).stream().filter(Event::isEntityVersion).toList();
        assertThat(history).extracting(e -> e.actor().text()).containsExactly("run:" + intake.id() + "/step:create",
                "run:" + run.id() + "/step:record_score", "run:" + run.id() + "/step:mark_contacted");
        assertThat(history.get(1).reason()).startsWith("scored 82: product lead");
        // the send was judged by the policies, and allowed because the operator had approved the draft
        JsonNode send = solo.step(run, "send").detail();
        assertThat(send.toString()).contains("allow");
        assertThat(solo.solo.execution().ledger().forRun(run.id())).hasSize(3);

        // its summary is refreshed once the run has ended, by the summarizer agent, citing its sources
        Flagship.await("the lead's summary after the run", () -> solo.solo.memory().summaries().currentArtifact(lead.id(), null)
                .filter(a -> a.createdAt().isAfter(done.finishedAt().minusMillis(1))).isPresent());
        var summary = solo.solo.memory().summaries().currentArtifact(lead.id(), null).orElseThrow();
        assertThat(summary.text()).contains("A lead handled by the flagship flows.");
        assertThat(summary.metadata().path("sources").size()).isPositive();
        // and the KPIs count it: one run, completed, that needed the operator once (the gate), with its model cost
        var now = solo.solo.orchestrator().clockNow();
        var kpis = solo.solo.orchestrator().kpis().compute("lead-qualification", now.minusSeconds(3600), now.plusMillis(1));
        var k = kpis.flows().getFirst();
        assertThat(k.runs()).isEqualTo(1);
        assertThat(k.completed()).isEqualTo(1);
        assertThat(k.interventionRate()).isEqualTo(1.0);
        assertThat(k.operatorWait().p50()).isPositive();
        assertThat(k.usage().inputTokens()).isEqualTo(900 + 1100 + 1300);
        assertThat(k.costPerRun()).isPositive();
    }

    @Test
    void a_lead_who_does_not_fit_is_marked_disqualified_and_gets_no_email() {
        solo.model.answer(RESEARCH).answer(NOT_A_FIT);

        assertThat(solo.webform("{\"name\": \"Sam\", \"email\": \"sam@uni.example.edu\", \"message\": \"homework help\"}", "form-2")
                .status()).isEqualTo(202);

        Run run = solo.awaitStatus(solo.onlyRun("lead-qualification").id(), "completed");
        assertThat(solo.step(run, "draft").status().text()).isEqualTo("skipped");
        assertThat(solo.step(run, "send").status().text()).isEqualTo("skipped");
        Entity lead = solo.solo.store().list("lead", null, 10).getFirst();
        assertThat(lead.body().get("status").asString()).isEqualTo("disqualified");
        assertThat(solo.mail.receivedCount()).isZero();
    }

    @Test
    void the_same_person_writing_twice_is_one_lead_and_one_qualification() {
        solo.model.answer(RESEARCH).answer(NOT_A_FIT);
        solo.webform("{\"name\": \"Sam\", \"email\": \"sam@uni.example.edu\", \"message\": \"first\"}", "form-3");
        solo.awaitStatus(solo.onlyRun("lead-qualification").id(), "completed");

        solo.webform("{\"name\": \"Sam\", \"email\": \"sam@uni.example.edu\", \"message\": \"second\"}", "form-4");
        Flagship.await("two intakes", () -> solo.runs("lead-intake").size() == 2
                && solo.runs("lead-intake").stream().allMatch(r -> r.status().finished()));

        assertThat(solo.solo.store().list("lead", null, 10)).hasSize(1);
        assertThat(solo.runs("lead-qualification")).hasSize(1);
        String lead = solo.solo.store().list("lead", null, 10).getFirst().id();
        assertThat(solo.solo.store().artifacts(lead, 10)).extracting(a -> a.text()).contains("first", "second");
    }

    @Test
    void an_email_from_someone_unknown_becomes_a_lead_and_is_qualified() {
        solo.model.answer(RESEARCH).answer(NOT_A_FIT);
        solo.mail.deliverToOwnInbox("""
                From: Lin Wu <lin@newco.example.com>
                To: solo@acme.test
                Subject: Can you help with our design system?
                Message-ID: <first-1@newco.example.com>

                Hi, we are looking for help with our design system.
                """);

        solo.solo.emailPoller().pollOnce();

        solo.awaitStatus(solo.onlyRun("lead-intake").id(), "completed");
        Entity lead = solo.solo.store().list("lead", null, 10).getFirst();
        assertThat(lead.body().get("email").asString()).isEqualTo("lin@newco.example.com");
        assertThat(lead.body().get("name").asString()).as("the sender's display name").isEqualTo("Lin Wu");
        assertThat(lead.body().get("need").asString()).isEqualTo("Can you help with our design system?");
        assertThat(solo.solo.store().artifacts(lead.id(), 10)).as("their email stays with them")
                .singleElement().satisfies(a -> {
                    assertThat(a.kind()).isEqualTo("email");
                    assertThat(a.text()).contains("we are looking for help with our design system");
                });
        assertThat(lead.body().get("source").asString()).isEqualTo("email");
        solo.awaitStatus(solo.onlyRun("lead-qualification").id(), "completed");
    }
}
