package solo.execution.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.company.Company;
import solo.state.Actor;
import solo.testing.CompanyConfigs;
import solo.testing.TestCompany;
import solo.testing.TestMail;

/** The send path through a real SMTP server (GreenMail), and the email section's errors. */
class SmtpSendTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    private TestMail mail;

    @BeforeEach
    void start() {
        mail = TestMail.start();
    }

    @AfterEach
    void stop() {
        mail.close();
    }

    @Test
    void an_email_is_delivered_over_smtp_with_its_message_id_and_a_repeat_is_not_sent() throws Exception {
        Company c = CompanyConfigs.append(company.dir(), mail.emailSection(true, true));
        try (Solo solo = Solo.builder(c).withDatabaseUrl(company.databaseUrl()).open()) {
            assertThat(solo.email().transport()).isEqualTo("smtp");
            OutgoingEmail email = OutgoingEmail.of("bob@example.com", "Invoice 12 is overdue", "Dear Bob,\nplease pay.");
            assertThat(solo.email().send(email, "run_9.step_remind", Actor.SYSTEM)).isInstanceOf(SendOutcome.Sent.class);
            assertThat(solo.email().send(email, "run_9.step_remind", Actor.SYSTEM)).isInstanceOf(SendOutcome.AlreadySent.class);
            MimeMessage got = mail.mailbox("bob@example.com").getFirst();
            assertThat(mail.mailbox("bob@example.com")).hasSize(1);
            assertThat(got.getMessageID()).isEqualTo("<run_9.step_remind@solo.local>");
            assertThat(got.getSubject()).isEqualTo("Invoice 12 is overdue");
            assertThat(got.getHeader("Bcc")).isNull();
        }
    }

    @Test
    void an_unreachable_server_is_a_retryable_failure_and_a_later_send_goes_through_once() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        Company down = CompanyConfigs.append(company.dir(), "email:\n  smtp: {host: 127.0.0.1, port: " + closedPort
                + ", tls: none, timeout_seconds: 2}\n");
        OutgoingEmail email = OutgoingEmail.of("bob@example.com", "Hello", "Hi");
        try (Solo solo = Solo.builder(down).withDatabaseUrl(company.databaseUrl()).open()) {
            SendOutcome o = solo.email().send(email, "k-down", Actor.SYSTEM);
            assertThat(o).isInstanceOf(SendOutcome.Failed.class);
            assertThat(((SendOutcome.Failed) o).retryable()).isTrue();
            assertThat(((SendOutcome.Failed) o).reason()).contains("cannot connect to SMTP 127.0.0.1:" + closedPort);
            assertThat(solo.email().record("k-down").orElseThrow().state()).isEqualTo("failed");
        }
        java.nio.file.Path config = company.dir().resolve("solo.yaml");
        java.nio.file.Files.writeString(config, java.nio.file.Files.readString(config).replace("port: " + closedPort, "port: " + mail.smtpPort()));
        try (Solo solo = Solo.builder(Company.open(company.dir())).withDatabaseUrl(company.databaseUrl()).open()) {
            assertThat(solo.email().send(email, "k-down", Actor.SYSTEM)).isInstanceOf(SendOutcome.Sent.class);
            assertThat(solo.email().record("k-down").orElseThrow().attempts()).isEqualTo(2);
        }
        assertThat(mail.mailbox("bob@example.com")).hasSize(1);
    }

    @Test
    void a_password_written_in_plain_in_solo_yaml_is_refused_with_its_place() {
        CompanyConfigs.append(company.dir(), """
                email:
                  smtp:
                    host: smtp.acme.example
                    user: ada
                    password: hunter2
                """);
        assertThatThrownBy(() -> Solo.builder(Company.open(company.dir())).withDatabaseUrl(company.databaseUrl()).open())
                .hasMessageContaining("solo.yaml:").hasMessageContaining("email.smtp.password must be a reference")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void an_unknown_field_and_a_bad_tls_mode_are_named() {
        CompanyConfigs.append(company.dir(), "email:\n  smtp: {host: h, tls: maybe}\n");
        assertThatThrownBy(() -> Solo.builder(Company.open(company.dir())).withDatabaseUrl(company.databaseUrl()).open())
                .hasMessageContaining("email.smtp.tls must be one of tls, starttls, none, not 'maybe'");
    }
}
