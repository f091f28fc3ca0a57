package solo.execution.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Entity;
import solo.support.Json;
import solo.testing.TestCompany;

/** The send path with no SMTP configured: the local outbox folder. */
class OutboxSendTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance();

    private Entity lead() {
        return company.store().create(Actor.OPERATOR, "met at the fair", "lead",
                Json.object().put("name", "Ada Park").put("email", "Ada@Example.com"));
    }

    private Path outbox() {
        return company.dir().resolve(".solo/outbox");
    }

    private List<Path> outboxFiles() throws IOException {
        try (Stream<Path> s = Files.list(outbox())) {
            return s.sorted().toList();
        }
    }

    @Test
    void an_email_goes_to_the_outbox_with_a_message_id_made_from_its_key_and_is_stored_on_the_recipient() throws IOException {
        Entity lead = lead();
        EmailSender sender = company.solo().email();
        assertThat(sender.transport()).isEqualTo("outbox");
        SendOutcome o = sender.send(OutgoingEmail.of("Ada Park <ada@example.com>", "Hello Ada", "Dear Ada,\nthanks."),
                "run_1.step_send", new Actor.Step("run_1", "send"));
        assertThat(o).isInstanceOf(SendOutcome.Sent.class);
        assertThat(o.messageId()).isEqualTo("<run_1.step_send@solo.local>");
        assertThat(outboxFiles()).extracting(p -> p.getFileName().toString()).containsExactly("run_1.step_send.eml");
        String eml = Files.readString(outbox().resolve("run_1.step_send.eml"));
        assertThat(eml).contains("Message-ID: <run_1.step_send@solo.local>").contains("Subject: Hello Ada")
                .contains("To: Ada Park <ada@example.com>");

        List<Artifact> stored = company.store().artifacts(lead.id(), 10);
        assertThat(stored).singleElement().satisfies(a -> {
            assertThat(a.kind()).isEqualTo("email");
            assertThat(a.id()).isEqualTo(((SendOutcome.Sent) o).artifactId());
            assertThat(a.title()).isEqualTo("Hello Ada");
            assertThat(a.text()).contains("Dear Ada").contains("To: ada@example.com");
            assertThat(a.mediaType()).isEqualTo("message/rfc822");
            assertThat(a.metadata().get("direction").asString()).isEqualTo("out");
            assertThat(a.metadata().get("idempotency_key").asString()).isEqualTo("run_1.step_send");
            assertThat(a.metadata().get("thread_id").asString()).startsWith("thread_");
        });
        assertThat(company.store().history(lead.id())).isNotEmpty();
    }

    @Test
    void a_repeat_under_the_same_key_sends_nothing() throws IOException {
        lead();
        EmailSender sender = company.solo().email();
        OutgoingEmail email = OutgoingEmail.of("ada@example.com", "Hello", "Hi");
        SendOutcome first = sender.send(email, "run_2.step_send", Actor.SYSTEM);
        SendOutcome again = sender.send(email, "run_2.step_send", Actor.SYSTEM);
        assertThat(again).isEqualTo(new SendOutcome.AlreadySent(first.messageId(), "outbox",
                ((SendOutcome.Sent) first).artifactId(), false));
        assertThat(outboxFiles()).hasSize(1);
        assertThat(sender.record("run_2.step_send")).get().satisfies(r -> {
            assertThat(r.state()).isEqualTo("sent");
            assertThat(r.attempts()).isEqualTo(1);
        });
    }

    @Test
    void a_key_reused_for_a_different_email_is_refused() {
        EmailSender sender = company.solo().email();
        sender.send(OutgoingEmail.of("ada@example.com", "Hello", "Hi"), "k-1", Actor.SYSTEM);
        assertThatThrownBy(() -> sender.send(OutgoingEmail.of("ada@example.com", "Hello", "Hi again"), "k-1", Actor.SYSTEM))
                .isInstanceOf(EmailException.class).hasMessageContaining("already used for a different email");
    }

    @Test
    void keys_with_any_characters_make_safe_distinct_message_ids_and_file_names() {
        String a = MessageIds.token("run:01/step:send");
        String b = MessageIds.token("run:01/step/send");
        assertThat(a).matches("[A-Za-z0-9._-]+").isNotEqualTo(b);
        assertThat(MessageIds.token("run_1.step_send")).isEqualTo("run_1.step_send");
        assertThat(MessageIds.messageId("x", "acme.example")).isEqualTo("<x@acme.example>");
    }

    @Test
    void bad_addresses_and_unknown_entities_are_refused_before_anything_is_sent() throws IOException {
        EmailSender sender = company.solo().email();
        assertThatThrownBy(() -> sender.send(OutgoingEmail.of("not an address", "S", "T"), "k-2", Actor.SYSTEM))
                .hasMessageContaining("to: 'not an address' is not an email address");
        assertThatThrownBy(() -> sender.send(OutgoingEmail.of("ada@example.com", "S", "T").attachedTo(List.of("lead_nope")),
                "k-3", Actor.SYSTEM)).hasMessageContaining("lead_nope: no such entity (nothing was sent)");
        assertThat(Files.exists(outbox())).isFalse();
        assertThat(sender.record("k-2")).isEmpty();
    }

    @Test
    void a_key_left_sending_is_recovered_from_the_outbox_file_or_sent_when_the_file_is_absent() throws IOException {
        lead();
        EmailSender sender = company.solo().email();
        OutgoingEmail email = OutgoingEmail.of("ada@example.com", "Hello", "Hi");
        // As after a crash before the rename: the key is 'sending' and nothing is in the outbox.
        sender.send(email, "k-4", Actor.SYSTEM);
        Files.delete(outbox().resolve("k-4.eml"));
        company.store().storage().write(tx -> tx.update("UPDATE email_sends SET state = 'sending' WHERE idempotency_key = 'k-4'"));
        assertThat(sender.send(email, "k-4", Actor.SYSTEM)).isInstanceOf(SendOutcome.Sent.class);
        assertThat(outboxFiles()).hasSize(1);
    }
}
