package solo.flagship;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.runtime.Run;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Write;
import solo.state.Entity;
import solo.support.Json;
import solo.testing.TestCompany;

/**
 * Invoice follow-up as {@code solo init} ships it: each overdue invoice gets its own reminder run, which drafts
 * a reminder to the invoice's customer, waits for the operator above an amount, sends it through SMTP and
 * counts it on the invoice; an invoice reminded this week is left alone.
 */
class InvoiceFollowUpFlowTest {
    static final String REMINDER = """
            {"subject": "A reminder about your invoice", "body": "Hello, a friendly reminder that our invoice is past due. When can we expect it?", "confidence": 0.9}""";

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

    /** A customer with a note, so that the copywriter's context holds more than the record. */
    String customer(String name, String email) {
        String id = solo.solo.store().create(Actor.OPERATOR, "a customer", "customer",
                Json.object().put("name", name).put("email", email)).id();
        solo.solo.store().write(Write.of(Actor.OPERATOR, "what I know", new Change.AddArtifact(null,
                "note", "paying", name + " pays late but always pays; be friendly, they are a good client.", null,
                "text/plain", null, null, List.of(id))));
        return id;
    }

    String invoice(String number, double amount, String status, LocalDate due, String customer) {
        Entity inv = solo.solo.store().create(Actor.OPERATOR, "invoiced", "invoice", Json.object().put("number", number)
                .put("amount", amount).put("currency", "EUR").put("status", status).put("due", due.toString()));
        if (customer != null) {
            solo.solo.store().link(Actor.OPERATOR, "billed", inv.id(), "for_customer", customer);
        }
        return inv.id();
    }

    Run followUp() {
        Run run = solo.solo.orchestrator().runs().start("invoice-follow-up", Json.object(), null);
        return solo.awaitStatus(run.id(), "completed");
    }

    @Test
    void overdue_invoices_get_one_reminder_each_and_large_ones_wait_for_the_operator() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String acme = customer("Acme Robotics", "ap@acme.example.com");
        String globex = customer("Globex", "billing@globex.example.com");
        String small = invoice("2026-014", 1200, "sent", today.minusDays(10), acme);
        String large = invoice("2026-015", 8000, "sent", today.minusDays(3), globex);
        invoice("2026-016", 900, "sent", today.plusDays(20), acme);      // not due yet
        invoice("2026-011", 700, "paid", today.minusDays(40), acme);     // paid
        solo.model.answer(REMINDER).answer(REMINDER);

        Run parent = followUp();

        assertThat(solo.step(parent, "overdue").output().get("count").asInt()).isEqualTo(2);
        Flagship.await("two reminder runs", () -> solo.runs("invoice-reminder").size() == 2);
        Run smallRun = reminderOf(small);
        Run largeRun = reminderOf(large);
        smallRun = solo.awaitStatus(smallRun.id(), "completed");
        largeRun = solo.awaitStatus(largeRun.id(), "waiting");
        assertThat(solo.step(largeRun, "approve").detail().at("/input/amount").asDouble()).isEqualTo(8000.0);

        assertThat(solo.mail.mailbox("ap@acme.example.com")).singleElement()
                .satisfies(m -> assertThat(m.getSubject()).isEqualTo("A reminder about your invoice"));
        assertThat(solo.mail.mailbox("billing@globex.example.com")).isEmpty();
        Entity reminded = solo.solo.store().get(small);
        assertThat(reminded.body().get("status").asString()).isEqualTo("overdue");
        assertThat(reminded.body().get("reminders_sent").asInt()).isEqualTo(1);
        assertThat(reminded.body().get("last_reminder").asString()).isEqualTo(today.toString());

        solo.solo.orchestrator().runs().answer(largeRun.id(), "approve", true, "they are good for it", Actor.OPERATOR);
        solo.awaitStatus(largeRun.id(), "completed");
        assertThat(solo.mail.mailbox("billing@globex.example.com")).hasSize(1);
    }

    @Test
    void an_invoice_reminded_this_week_is_not_reminded_again() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String acme = customer("Acme Robotics", "ap@acme.example.com");
        String small = invoice("2026-014", 1200, "sent", today.minusDays(10), acme);
        solo.model.answer(REMINDER);
        followUp();
        Flagship.await("the first reminder", () -> solo.runs("invoice-reminder").size() == 1
                && solo.runs("invoice-reminder").getFirst().status().finished());

        followUp(); // the next morning's run, the same week

        Flagship.await("the second reminder run", () -> solo.runs("invoice-reminder").size() == 2
                && solo.runs("invoice-reminder").stream().allMatch(r -> r.status().finished()));
        assertThat(solo.mail.mailbox("ap@acme.example.com")).hasSize(1);
        assertThat(solo.solo.store().get(small).body().get("reminders_sent").asInt()).isEqualTo(1);
        assertThat(solo.model.requestCount()).isEqualTo(1);
    }

    private Run reminderOf(String invoice) {
        List<Run> runs = solo.runs("invoice-reminder");
        return runs.stream().filter(r -> r.input().get("invoice_id").asString().equals(invoice)).findFirst()
                .orElseThrow(() -> new AssertionError("no reminder run for " + invoice + " among " + runs));
    }
}
