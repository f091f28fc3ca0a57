package solo.interfaces.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** The entity, link and note endpoints against a real server, with each error they can give. */
class EntityApiTest {
    @RegisterExtension
    @Order(1)
    TestCompany co = TestCompany.instance();

    @RegisterExtension
    @Order(2)
    ServerFixture server = new ServerFixture(co).withoutWorker();

    private String createLead(String name) {
        var a = server.api().post("/api/entities", Map.of("type", "lead", "body", Map.of("name", name, "email",
                "ada@acme.com"), "reason", "met at the fair"));
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json().get("id").asString();
    }

    @Test
    void an_entity_is_created_read_updated_by_version_and_reverted() {
        String id = createLead("Ada Park");
        JsonNode got = server.api().get("/api/entities/" + id).json();
        assertThat(got.get("type").asString()).isEqualTo("lead");
        assertThat(got.get("version").asLong()).isEqualTo(1);
        assertThat(got.get("body").get("name").asString()).isEqualTo("Ada Park");

        var updated = server.api().put("/api/entities/" + id, Map.of("version", 1, "body", Map.of("name", "Ada Park",
                "score", 82), "reason", "fits"));
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);

        var history = server.api().get("/api/entities/" + id + "/history").json();
        assertThat(history).hasSize(2);
        assertThat(history.get(1).get("reason").asString()).isEqualTo("fits");
        assertThat(history.get(1).get("actor").asString()).isEqualTo("operator");

        var reverted = server.api().post("/api/entities/" + id + "/revert", Map.of("to_version", 1, "version", 2));
        assertThat(reverted.status()).as(reverted.body()).isEqualTo(200);
        assertThat(reverted.json().get("version").asLong()).isEqualTo(3);
        assertThat(reverted.json().get("body").has("score")).isFalse();
    }

    @Test
    void an_update_naming_a_stale_version_is_refused_with_409() {
        String id = createLead("Ada Park");
        server.api().put("/api/entities/" + id, Map.of("version", 1, "body", Map.of("name", "Ada P.")));
        var stale = server.api().put("/api/entities/" + id, Map.of("version", 1, "body", Map.of("name", "Ada Q.")));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.message()).contains("is at version 2, not 1");
        assertThat(stale.field()).isEqualTo("/version");
    }

    @Test
    void a_body_that_breaks_the_schema_is_refused_with_400_naming_the_field() {
        var a = server.api().post("/api/entities", Map.of("type", "lead", "body", Map.of("name", "Ada", "score", 140)));
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.field()).isEqualTo("/body/score");
        assertThat(a.message()).contains("score").contains("maximum");
        assertThat(server.api().get("/api/entities?type=lead").json().get("items")).isEmpty();
    }

    @Test
    void bad_requests_name_the_field_or_parameter_and_never_show_a_stack_trace() {
        var missing = server.api().post("/api/entities", Map.of("body", Map.of("name", "Ada")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.field()).isEqualTo("/type");
        var notJson = server.api().post("/api/entities", "{\"type\": \"lead\", ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.message()).contains("invalid JSON");
        var wrongType = server.api().post("/api/entities", Map.of("type", "lead", "body", "Ada"));
        assertThat(wrongType.field()).isEqualTo("/body");
        var badLimit = server.api().get("/api/entities?type=lead&limit=0");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.field()).isEqualTo("limit");
        var unknownType = server.api().get("/api/entities?type=unicorn");
        assertThat(unknownType.field()).isEqualTo("type");
        for (var a : List.of(missing, notJson, wrongType, badLimit, unknownType)) {
            assertThat(a.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void a_missing_entity_is_404() {
        var a = server.api().get("/api/entities/lead_nope");
        assertThat(a.status()).isEqualTo(404);
        assertThat(a.message()).isEqualTo("no entity lead_nope");
        assertThat(server.api().get("/api/entities/lead_nope/history").status()).isEqualTo(404);
        assertThat(server.api().put("/api/entities/lead_nope", Map.of("version", 1, "body", Map.of("name", "x"))).status())
                .isEqualTo(404);
    }

    @Test
    void entities_are_listed_by_type_a_page_at_a_time() {
        for (int i = 0; i < 5; i++) {
            createLead("Lead " + i);
        }
        JsonNode first = server.api().get("/api/entities?type=lead&limit=2").json();
        assertThat(first.get("items")).hasSize(2);
        String next = first.get("next").asString();
        JsonNode second = server.api().get("/api/entities?type=lead&limit=2&after=" + next).json();
        assertThat(second.get("items")).hasSize(2);
        JsonNode third = server.api().get("/api/entities?type=lead&limit=2&after=" + second.get("next").asString()).json();
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("next").isNull()).isTrue();
        JsonNode types = server.api().get("/api/entity-types").json();
        assertThat(types.findValuesAsString("name")).contains("lead", "company");
    }

    @Test
    void entities_are_linked_listed_as_neighbours_and_unlinked() {
        String lead = createLead("Ada");
        String firm = server.api().post("/api/entities", Map.of("type", "company", "body", Map.of("name", "Acme")))
                .json().get("id").asString();
        var linked = server.api().post("/api/entities/" + lead + "/links", Map.of("type", "works_at", "to", firm));
        assertThat(linked.status()).as(linked.body()).isEqualTo(201);
        assertThat(server.api().get("/api/entities/" + lead + "/links").json()).hasSize(1);
        JsonNode n = server.api().get("/api/entities/" + firm + "/neighbours?depth=2").json();
        assertThat(n.get(0).get("entity").get("id").asString()).isEqualTo(lead);
        var badLink = server.api().post("/api/entities/" + lead + "/links", Map.of("type", "became", "to", firm));
        assertThat(badLink.status()).isEqualTo(400);
        assertThat(server.api().delete("/api/entities/" + lead + "/links/works_at/" + firm + "?reason=moved").status())
                .isEqualTo(204);
        assertThat(server.api().get("/api/entities/" + lead + "/links").json()).isEmpty();
    }

    @Test
    void a_note_is_added_to_an_entity_and_read_back() {
        String lead = createLead("Ada");
        var note = server.api().post("/api/entities/" + lead + "/notes", Map.of("text", "Wants dark mode", "title", "Call"));
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        String id = note.json().get("id").asString();
        assertThat(server.api().get("/api/artifacts/" + id).json().get("text").asString()).isEqualTo("Wants dark mode");
        assertThat(server.api().get("/api/entities/" + lead + "/artifacts").json()).hasSize(1);
        assertThat(server.api().post("/api/entities/" + lead + "/notes", Map.of("text", " ")).field()).isEqualTo("/text");
        assertThat(server.api().get("/api/artifacts/art_nope").status()).isEqualTo(404);
    }
}
