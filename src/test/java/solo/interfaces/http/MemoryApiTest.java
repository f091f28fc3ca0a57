package solo.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.memory.HashingEmbedder;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** GET /api/search and /api/entities/{id}/context against a real server, with their errors. */
class MemoryApiTest {
    @RegisterExtension
    @Order(1)
    TestCompany co = TestCompany.instance().withSolo(b -> b.withMemoryEmbedder(new HashingEmbedder()));

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(co).withoutWorker();

    @Test
    void search_is_scoped_and_context_packs_are_within_budget() {
        String ada = server.api().post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Ada Park"))).json().get("id").asString();
        String bob = server.api().post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Bob Stone"))).json().get("id").asString();
        assertThat(server.api().post("/api/entities/" + ada + "/notes", Map.of("text", "Ada wants the invoice in euros.")).status()).isEqualTo(201);
        assertThat(server.api().post("/api/entities/" + bob + "/notes", Map.of("text", "Bob wants the invoice in dollars.")).status()).isEqualTo(201);

        JsonNode all = server.api().get("/api/search?q=invoice").json();
        assertThat(all.size()).isGreaterThanOrEqualTo(2);
        JsonNode onlyAda = server.api().get("/api/search?q=invoice&entity=" + ada).json();
        assertThat(onlyAda.toString()).contains("euros").doesNotContain("dollars");
        JsonNode notes = server.api().get("/api/search?q=invoice&kind=note").json();
        notes.forEach(h -> assertThat(h.get("kind").asString()).isEqualTo("note"));

        assertThat(server.api().get("/api/search").status()).isEqualTo(400);
        assertThat(server.api().get("/api/search?q=x&neighbours=1").field()).isEqualTo("neighbours");
        assertThat(server.api().get("/api/search?q=x&entity=nobody").status()).isEqualTo(404);

        var pack = server.api().get("/api/entities/" + ada + "/context?task=send%20the%20invoice&budget=200");
        assertThat(pack.status()).as(pack.body()).isEqualTo(200);
        assertThat(pack.json().get("tokens").asInt()).isLessThanOrEqualTo(200);
        assertThat(pack.json().get("text").asString()).contains("Ada Park", "euros").doesNotContain("dollars");
        assertThat(server.api().get("/api/entities/" + ada + "/context?task=x").body())
                .isEqualTo(server.api().get("/api/entities/" + ada + "/context?task=x").body());
        assertThat(server.api().get("/api/entities/nobody/context").status()).isEqualTo(404);
        assertThat(server.api().get("/api/entities/" + ada + "/context?budget=0").status()).isEqualTo(400);
    }
}
