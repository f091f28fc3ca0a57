package solo.execution.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import solo.app.Solo;
import solo.company.Company;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.ChildJvm;
import solo.testing.CompanyConfigs;
import solo.testing.TestCompany;
import solo.testing.TestMail;

/**
 * An email is delivered exactly once even when the sending process is SIGKILLed after the transport took
 * the message and before the outcome was recorded: the restarted sender finds the delivery (outbox file,
 * Sent folder over IMAP) or reports the outcome unknown; it never sends a second copy.
 */
class EmailCrashTest {
    private static final String KEY = "run_crash.step_send";

    enum Transport { OUTBOX, SMTP_WITH_SENT_FOLDER, SMTP_WITHOUT_SENT_FOLDER }

    private final TestCompany company = TestCompany.instance().closed();
    private TestMail mail;

    @BeforeEach
    void start() throws Exception {
        company.beforeEach(null);
        mail = TestMail.start();
    }

    @AfterEach
    void stop() throws Exception {
        mail.close();
        company.afterEach(null);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void an_email_is_delivered_exactly_once_across_a_kill_between_sending_and_recording(Transport transport) throws Exception {
        Company configured = transport == Transport.OUTBOX ? company.company()
                : CompanyConfigs.append(company.dir(), mail.emailSection(true, transport == Transport.SMTP_WITH_SENT_FOLDER));
        try (Solo solo = Solo.builder(configured).withDatabaseUrl(company.databaseUrl()).open()) {
            solo.secrets().set("IMAP_PASSWORD", TestMail.PASSWORD);
            solo.store().create(Actor.OPERATOR, "test", "lead", Json.object().put("name", "Ada Park").put("email", "ada@example.com"));
        }

        try (ChildJvm child = ChildJvm.start(EmailCrashChild.class, company.dir().resolve("child.err"),
                company.dir().toString(), System.getProperty("solo.keys.dir"), KEY)) {
            String line = child.nextLine(Duration.ofSeconds(90));
            assertThat(line).as("child delivered (see child.err)").isEqualTo("delivered <" + KEY + "@solo.local>");
            child.kill();
            assertThat(child.lines()).doesNotContain("recorded");
        }
        assertThat(deliveries(transport)).as("delivered once by the child").isEqualTo(1);

        try (Solo solo = Solo.builder(configured).withDatabaseUrl(company.databaseUrl()).open()) {
            assertThat(solo.email().record(KEY)).get().extracting(EmailSender.SendRecord::state).isEqualTo("sending");
            SendOutcome again = solo.email().send(EmailCrashChild.EMAIL, KEY, new Actor.Step("run_crash", "send"));
            switch (transport) {
                case OUTBOX, SMTP_WITH_SENT_FOLDER -> {
                    assertThat(again).isInstanceOf(SendOutcome.AlreadySent.class);
                    assertThat(((SendOutcome.AlreadySent) again).recovered()).isTrue();
                    assertThat(solo.email().record(KEY).orElseThrow().state()).isEqualTo("sent");
                    String lead = solo.store().list("lead", null, 1).getFirst().id();
                    assertThat(solo.store().artifacts(lead, 10)).extracting(a -> a.kind()).containsExactly("email");
                }
                case SMTP_WITHOUT_SENT_FOLDER -> {
                    assertThat(again).isInstanceOf(SendOutcome.OutcomeUnknown.class);
                    assertThat(((SendOutcome.OutcomeUnknown) again).reason()).contains("sent_folder");
                    // asked again, it still does not send: only the operator can settle it
                    assertThat(solo.email().send(EmailCrashChild.EMAIL, KEY, Actor.SYSTEM)).isInstanceOf(SendOutcome.OutcomeUnknown.class);
                    solo.email().settle(KEY, EmailSender.Settlement.SENT);
                    assertThat(solo.email().send(EmailCrashChild.EMAIL, KEY, Actor.SYSTEM)).isInstanceOf(SendOutcome.AlreadySent.class);
                }
            }
        }
        assertThat(deliveries(transport)).as("still delivered once").isEqualTo(1);
    }

    private long deliveries(Transport transport) throws Exception {
        if (transport == Transport.OUTBOX) {
            Path outbox = company.dir().resolve(".solo/outbox");
            try (Stream<Path> files = Files.list(outbox)) {
                return files.filter(p -> p.toString().endsWith(".eml")).count();
            }
        }
        return mail.mailbox("ada@example.com").size();
    }
}
