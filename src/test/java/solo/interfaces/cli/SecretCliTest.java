package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.testing.CliRun;
import solo.testing.TestCompany;

class SecretCliTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    @Test
    void secrets_are_set_listed_by_name_only_and_removed() {
        CliRun set = CliRun.in(company.dir(), "secret", "set", "SMTP_PASSWORD", "--value", "s3cr3t-value");
        assertThat(set.exitCode()).isZero();
        assertThat(set.out()).contains("set secret SMTP_PASSWORD").doesNotContain("s3cr3t-value");
        CliRun list = CliRun.in(company.dir(), "secret", "list");
        assertThat(list.out()).contains("SMTP_PASSWORD").doesNotContain("s3cr3t-value");
        CliRun json = CliRun.in(company.dir(), "secret", "list", "--json");
        assertThat(json.out()).contains("\"name\" : \"SMTP_PASSWORD\"").contains("created_at").doesNotContain("s3cr3t");
        assertThat(CliRun.in(company.dir(), "secret", "rm", "SMTP_PASSWORD").out()).contains("removed secret SMTP_PASSWORD");
        assertThat(CliRun.in(company.dir(), "secret", "list").out()).contains("no secrets");
    }

    @Test
    void a_value_is_read_from_standard_input_without_its_trailing_newline() throws Exception {
        SecretSetCommand.stdin = new ByteArrayInputStream("from-stdin\n".getBytes(StandardCharsets.UTF_8));
        try {
            assertThat(CliRun.in(company.dir(), "secret", "set", "API_KEY").exitCode()).isZero();
        } finally {
            SecretSetCommand.stdin = System.in;
        }
        try (var solo = company.reopen()) {
            assertThat(solo.secrets().value("API_KEY")).isEqualTo("from-stdin");
        }
    }

    @Test
    void bad_input_gets_one_clear_line_and_a_non_zero_exit() {
        CliRun badName = CliRun.in(company.dir(), "secret", "set", "no spaces", "--value", "x");
        assertThat(badName.exitCode()).isEqualTo(1);
        assertThat(badName.errLines()).singleElement().asString().contains("secret name 'no spaces'");
        CliRun missing = CliRun.in(company.dir(), "secret", "rm", "NOPE");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.errLines()).containsExactly("solo: no secret named NOPE (see: solo secret list)");
        assertThat(CliRun.in(company.dir(), "secret", "set").exitCode()).isEqualTo(2);
    }
}
