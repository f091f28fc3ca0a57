package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.state.Artifact;
import solo.support.Json;
import solo.testing.CliRun;
import solo.testing.TestCompany;

class NoteAndAuditCliTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();

    private CliRun solo(String... args) {
        return CliRun.in(company.dir(), args);
    }

    private String add(String type, String name) {
        return Json.parse(solo("entity", "add", type, "--set", "name=" + name, "--json").out(), "out").get("id").asString();
    }

    @Test
    void a_note_from_text_or_a_file_is_attached_to_every_entity_named() throws Exception {
        String ada = add("lead", "Ada");
        String acme = add("company", "Acme");
        Path file = Files.writeString(company.dir().resolve("call.md"), "# Call\nWants dark mode.");

        assertThat(solo("note", "add", "--entity", ada, "--entity", acme, "--text", "Met at the fair").exitCode()).isZero();
        assertThat(solo("note", "add", "--entity", ada, "--file", file.toString()).out()).contains("added note");

        try (Solo solo = company.reopen()) {
            assertThat(solo.store().artifacts(ada, 10)).extracting(Artifact::text)
                    .containsExactlyInAnyOrder("Met at the fair", "# Call\nWants dark mode.");
            assertThat(solo.store().artifacts(acme, 10)).hasSize(1);
            Artifact md = solo.store().artifacts(ada, 10).stream().filter(a -> a.fileName() != null).findFirst().orElseThrow();
            assertThat(md.mediaType()).isEqualTo("text/markdown");
        }
    }

    @Test
    void a_note_for_a_missing_entity_or_without_content_is_refused() {
        CliRun run = solo("note", "add", "--entity", "lead_ghost", "--text", "x");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("solo: cannot attach to lead_ghost: no such entity");
        assertThat(solo("note", "add", "--entity", "x").exitCode()).isEqualTo(2);
    }

    @Test
    void audit_verify_passes_on_an_untouched_log_and_names_the_first_tampered_event() {
        String ada = add("lead", "Ada");
        solo("entity", "update", ada, "--set", "score=5");
        solo("entity", "update", ada, "--set", "score=6");
        assertThat(solo("audit", "verify").out()).contains("chain verified: 3 events");

        try (Solo solo = company.reopen()) {
            solo.store().storage().write(tx -> tx.update("UPDATE events SET actor = 'agent:mallory' WHERE seq = 2"));
        }
        CliRun broken = solo("audit", "verify");
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.errLines()).containsExactly(
                "solo: chain broken at event 2: its content does not match its hash (the event was changed)");
    }
}
