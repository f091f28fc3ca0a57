package solo.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.interfaces.http.server.ServerSettings;
import solo.testing.Database;
import solo.testing.TestCompany;

/** Two Solo processes' servers on one PostgreSQL accept the same token and see the same state. */
class SharedPostgresApiTest {
    @RegisterExtension
    @Order(1)
    TestCompany company = TestCompany.instance().withDatabase(Database.POSTGRES);

    @RegisterExtension
    @Order(2)
    ServerFixture first = new ServerFixture(company).withoutWorker();

    @Test
    void a_second_server_on_the_same_database_takes_the_same_token() {
        var created = first.api().post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Ada")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        try (Solo other = company.reopen(); SoloServer second = SoloServer.start(other, ServerSettings.defaults().withPort(0))) {
            Api api = new Api(second.uri(), first.token());
            var read = api.get("/api/entities/" + created.json().get("id").asString());
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("body").get("name").asString()).isEqualTo("Ada");
            assertThat(api.withToken("solo_nope").get("/api/entities").status()).isEqualTo(401);
            assertThat(api.get("/metrics").body()).contains("solo_runs");
        }
    }

    @Test
    void a_busy_port_is_refused_in_one_line() {
        int taken = first.server().port();
        var e = org.assertj.core.api.Assertions.catchThrowable(() ->
                SoloServer.start(first.solo(), ServerSettings.defaults().withPort(taken)));
        assertThat(e).hasMessageContaining("the port is in use");
    }
}
