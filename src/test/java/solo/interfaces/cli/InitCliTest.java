package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.testing.CliRun;

class InitCliTest {
    @TempDir
    Path tmp;

    @Test
    void init_writes_the_company_folder_and_creates_its_database() {
        Path dir = tmp.resolve("acme");
        CliRun run = CliRun.run("init", dir.toString(), "--name", "Acme Consulting");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created company 'Acme Consulting'", "company, customer, invoice, lead, offer, project");
        for (String path : new String[] {"solo.yaml", ".gitignore", "schema/lead.yaml", "schema/links.yaml", "flows",
                "agents", "policies", "playbooks", ".solo/solo.db"}) {
            assertThat(dir.resolve(path)).exists();
        }
    }

    @Test
    void init_refuses_an_existing_company_or_a_folder_with_files() throws Exception {
        Path dir = tmp.resolve("acme");
        CliRun.run("init", dir.toString());
        CliRun again = CliRun.run("init", dir.toString());
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.errLines()).singleElement().asString().contains("already a company folder");

        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        assertThat(CliRun.run("init", busy.toString()).err()).contains("folder is not empty");
    }

    @Test
    void a_typo_in_solo_yaml_is_named_with_its_line() throws Exception {
        Path dir = tmp.resolve("acme");
        CliRun.run("init", dir.toString());
        Files.writeString(dir.resolve("solo.yaml"), "name: Acme\ndatabse:\n  url: x\n");

        CliRun run = CliRun.run("--company", dir.toString(), "entity", "list");
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("solo: solo.yaml:2:1: unknown section 'databse'");
    }
}
