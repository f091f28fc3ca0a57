package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.testing.CliRun;
import solo.testing.TestCompany;

class EmailCliTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    @Test
    void an_email_sent_twice_by_the_same_command_goes_to_the_outbox_once() throws Exception {
        String[] send = {"email", "send", "--to", "ada@example.com", "--subject", "Hello", "--text", "Hi Ada"};
        CliRun first = CliRun.in(company.dir(), send);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("sent <cli-").contains("by outbox");
        CliRun second = CliRun.in(company.dir(), send);
        assertThat(second.out()).startsWith("already sent <cli-").contains("nothing sent now");
        try (var files = Files.list(company.dir().resolve(".solo/outbox"))) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void status_and_settle_report_what_became_of_a_key() {
        CliRun sent = CliRun.in(company.dir(), "email", "send", "--to", "ada@example.com", "--subject", "S", "--text", "T",
                "--key", "run_3.step_send");
        assertThat(sent.exitCode()).isZero();
        assertThat(CliRun.in(company.dir(), "email", "status", "run_3.step_send").out())
                .contains("<run_3.step_send@solo.local>").contains("sent by outbox");
        CliRun settle = CliRun.in(company.dir(), "email", "settle", "run_3.step_send", "--sent");
        assertThat(settle.exitCode()).isEqualTo(1);
        assertThat(settle.errLines()).singleElement().asString().contains("only an unknown outcome can be settled");
    }

    @Test
    void bad_input_gets_one_clear_line() {
        CliRun bad = CliRun.in(company.dir(), "email", "send", "--to", "nobody", "--subject", "S", "--text", "T");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.errLines()).singleElement().asString().contains("'nobody' is not an email address");
        CliRun poll = CliRun.in(company.dir(), "email", "poll");
        assertThat(poll.errLines()).containsExactly("solo: no inbound email source: configure email.imap or email.maildir in solo.yaml");
        assertThat(CliRun.in(company.dir(), "email", "status", "nope").errLines()).singleElement().asString()
                .contains("no email was sent under the key nope");
        assertThat(CliRun.in(company.dir(), "email", "send", "--to", "a@example.com").exitCode()).isEqualTo(2);
    }
}
