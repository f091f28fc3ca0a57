package solo.execution.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.execution.webhook.HookSignatures;
import solo.execution.webhook.HookVerdict;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.CompanyConfigs;
import solo.testing.Database;
import solo.testing.TestCompany;

/** The email and webhook tables' SQL on PostgreSQL: sends by key, the maildir cursor, delivery ids. */
class EmailOnPostgresTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().withDatabase(Database.POSTGRES).closed();

    @Test
    void sends_polls_and_deliveries_behave_the_same_on_postgresql() throws Exception {
        Path maildir = company.dir().resolve("mail");
        Files.createDirectories(maildir.resolve("new"));
        Files.writeString(maildir.resolve("new/1.host"), EmailPollerTest.message("<pg1@example.com>", "ada@example.com",
                "Hello", "hi", null));
        var configured = CompanyConfigs.append(company.dir(), """
                email:
                  maildir: mail
                hooks:
                  inbound:
                    webform: {secret: secret:HOOK}
                """);
        try (Solo solo = Solo.builder(configured).withDatabaseUrl(company.databaseUrl()).open()) {
            var ada = solo.store().create(Actor.OPERATOR, "t", "lead", Json.object().put("name", "Ada").put("email", "ada@example.com"));
            OutgoingEmail email = OutgoingEmail.of("ada@example.com", "Proposal", "Here");
            assertThat(solo.email().send(email, "pg-key", Actor.SYSTEM)).isInstanceOf(SendOutcome.Sent.class);
            assertThat(solo.email().send(email, "pg-key", Actor.SYSTEM)).isInstanceOf(SendOutcome.AlreadySent.class);
            assertThat(solo.emailPoller().pollOnce().stored()).hasSize(1);
            assertThat(solo.emailPoller().pollOnce().stored()).isEmpty();
            assertThat(solo.store().artifacts(ada.id(), 10)).hasSize(2);

            solo.secrets().set("HOOK", "k");
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = Map.of("X-Solo-Signature", HookSignatures.sign("k", body), "X-Solo-Delivery", "1");
            assertThat(solo.webhooks().receive("webform", headers, body)).isInstanceOf(HookVerdict.Accepted.class);
            assertThat(solo.webhooks().receive("webform", headers, body)).isInstanceOf(HookVerdict.Replayed.class);
        }
    }
}
