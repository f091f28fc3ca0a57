package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.support.Json;
import solo.testing.CliRun;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** {@code solo entity ...} as an operator types it, good input and bad. */
class EntityCliTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();

    private CliRun solo(String... args) {
        return CliRun.in(company.dir(), args);
    }

    private JsonNode json(CliRun run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.parse(run.out(), "output");
    }

    private long events() {
        try (Solo solo = company.reopen()) {
            return solo.store().lastSeq();
        }
    }

    /** A refused command prints one line naming the problem, exits non-zero, and writes nothing. */
    private void assertRefused(CliRun run, String... fragments) {
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.errLines().getFirst()).startsWith("solo: ").contains(fragments);
    }

    @Test
    void add_get_update_and_list_an_entity() {
        JsonNode ada = json(solo("entity", "add", "lead", "--set", "name=Ada Park", "--set", "score=40",
                "--set", "tags=[\"vip\"]", "--reason", "met at the fair", "--json"));
        String id = ada.get("id").asString();
        assertThat(ada.at("/body/score").asInt()).isEqualTo(40);
        assertThat(ada.at("/body/tags/0").asString()).isEqualTo("vip");

        JsonNode updated = json(solo("entity", "update", id, "--set", "score=82", "--unset", "tags", "--json"));
        assertThat(updated.get("version").asInt()).isEqualTo(2);
        assertThat(updated.at("/body/tags").isMissingNode()).isTrue();

        assertThat(solo("entity", "get", id).out()).contains(id, "version 2", "\"score\" : 82");
        CliRun list = solo("entity", "list", "lead");
        assertThat(list.out()).contains(id, "Ada Park", "1 shown of 1");
    }

    @Test
    void a_body_can_be_given_as_json_or_a_file_and_merged_as_a_patch() throws Exception {
        Path file = Files.writeString(company.dir().resolve("acme.json"), "{\"name\": \"Acme\", \"domain\": \"acme.example\"}");
        String id = json(solo("entity", "add", "company", "--body", "@" + file, "--json")).get("id").asString();

        JsonNode merged = json(solo("entity", "update", id, "--merge", "{\"domain\": null, \"industry\": \"robots\"}", "--json"));
        assertThat(merged.get("body")).isEqualTo(Json.parse("{\"name\":\"Acme\",\"industry\":\"robots\"}", "x"));
    }

    @Test
    void link_neighbours_history_and_revert() {
        String ada = json(solo("entity", "add", "lead", "--set", "name=Ada", "--json")).get("id").asString();
        String acme = json(solo("entity", "add", "company", "--set", "name=Acme", "--json")).get("id").asString();
        assertThat(solo("entity", "link", ada, "works_at", acme).out()).contains("linked");
        assertThat(solo("entity", "neighbours", acme).out()).contains("<-works_at-", ada);

        solo("entity", "update", ada, "--set", "score=20", "--reason", "first look");
        solo("entity", "update", ada, "--set", "score=90", "--reason", "typo");
        CliRun history = solo("entity", "history", ada);
        assertThat(history.out()).contains("v1 entity.created", "v2 entity.updated", "by operator", "— first look",
                "score: ∅ → 20", "score: 20 → 90", "+ " + ada + " -works_at-> " + acme);

        JsonNode reverted = json(solo("entity", "revert", ada, "--to", "2", "--reason", "90 was a typo", "--json"));
        assertThat(reverted.at("/body/score").asInt()).isEqualTo(20);
        assertThat(reverted.get("version").asInt()).isEqualTo(4);
        assertThat(json(solo("entity", "history", ada, "--json")).get(4).get("kind").asString()).isEqualTo("entity.reverted");
    }

    @Test
    void invalid_json_is_refused_with_its_place_and_nothing_is_written() {
        assertRefused(solo("entity", "add", "lead", "--body", "{\"name\": \"Ada\","), "--body: invalid JSON at line 1");
        assertThat(events()).isZero();
    }

    @Test
    void a_body_that_breaks_the_schema_is_refused_naming_file_field_and_rule() {
        assertRefused(solo("entity", "add", "lead", "--set", "name=Ada", "--set", "score=140"),
                "lead refused", "/score", "maximum", "schema/lead.yaml:");
        assertRefused(solo("entity", "add", "lead", "--set", "name=Ada", "--set", "shoe=42"),
                "/shoe: unknown field");
        assertThat(events()).isZero();
    }

    @Test
    void an_unknown_type_or_link_target_is_refused() {
        String ada = json(solo("entity", "add", "lead", "--set", "name=Ada", "--json")).get("id").asString();
        long before = events();
        assertRefused(solo("entity", "add", "leed", "--set", "name=x"), "unknown entity type 'leed'");
        assertRefused(solo("entity", "link", ada, "works_at", "company_nope"), "link target company_nope does not exist");
        assertRefused(solo("entity", "get", "lead_nope"), "no entity lead_nope");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_stale_version_is_refused_by_name() {
        String ada = json(solo("entity", "add", "lead", "--set", "name=Ada", "--json")).get("id").asString();
        solo("entity", "update", ada, "--set", "score=1");
        long before = events();

        assertRefused(solo("entity", "update", ada, "--set", "score=2", "--version", "1"), "is at version 2, not 1");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void a_missing_company_folder_is_refused_in_one_line() {
        CliRun run = CliRun.run("--company", company.dir().resolve("nope").toString(), "entity", "list");
        assertRefused(run, "company folder not found");
    }

    @Test
    void an_invalid_schema_file_is_refused_before_anything_is_opened() throws Exception {
        Files.writeString(company.dir().resolve("schema/lead.yaml"), "type: object\nproperties: [oops\n");
        assertRefused(solo("entity", "list"), "schema/lead.yaml:", "invalid YAML");
    }

    @Test
    void a_usage_mistake_exits_two_with_a_hint() {
        CliRun run = solo("entity", "add");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required parameter", "solo entity add --help");
    }
}
