package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.support.Json;
import solo.testing.CliRun;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** solo ingest, search, context and memory on the command line, with the company's real embedding model. */
class MemoryCommandsTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();

    @Test
    void ingest_then_search_and_context_and_bad_input_is_one_line_with_nothing_written() throws Exception {
        Path dir = company.dir();
        assertThat(CliRun.in(dir, "entity", "add", "lead", "--id", "ada", "--body", "{\"name\": \"Ada Lovelace\"}").exitCode()).isZero();
        Path md = Files.writeString(dir.resolve("call.md"), "# Call\n\nAda wants the website hosted in the EU, launch in March.\n");
        Path broken = Files.writeString(dir.resolve("broken.pdf"), "%PDF-1.4 not really");

        CliRun bad = CliRun.in(dir, "ingest", md.toString(), broken.toString(), "--entity", "ada");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.errLines()).singleElement().asString().startsWith("solo: " + broken + ": not a readable PDF");
        CliRun unknown = CliRun.in(dir, "ingest", md.toString(), "--entity", "nobody");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.errLines()).singleElement().asString().contains("nobody");
        JsonNode empty = Json.read(CliRun.in(dir, "search", "website", "--json").out());
        assertThat(empty.toString()).doesNotContain("call.md");

        CliRun ok = CliRun.in(dir, "ingest", md.toString(), "--entity", "ada", "--json");
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        String artifact = Json.read(ok.out()).path("files").get(0).path("artifact").asString();

        JsonNode hits = Json.read(CliRun.in(dir, "search", "where", "is", "the", "website", "hosted", "--entity", "ada", "--json").out());
        assertThat(hits.get(0).path("source").asString()).isEqualTo(artifact);
        CliRun noScope = CliRun.in(dir, "search", "x", "--neighbours", "1");
        assertThat(noScope.exitCode()).isEqualTo(1);
        assertThat(noScope.errLines()).singleElement().asString().isEqualTo("solo: --neighbours needs --entity");

        CliRun pack1 = CliRun.in(dir, "context", "ada", "--task", "propose hosting", "--budget", "300");
        CliRun pack2 = CliRun.in(dir, "context", "ada", "--task", "propose hosting", "--budget", "300");
        assertThat(pack1.exitCode()).isZero();
        assertThat(pack1.out()).isEqualTo(pack2.out()).contains("## Record", "hosted in the EU");
        JsonNode status = Json.read(CliRun.in(dir, "memory", "status", "--json").out());
        assertThat(status.path("behind").asLong()).isZero();
        JsonNode rebuilt = Json.read(CliRun.in(dir, "memory", "rebuild", "--json").out());
        assertThat(rebuilt.path("chunks").asInt()).isEqualTo(status.path("chunks").asInt());
        assertThat(CliRun.in(dir, "context", "ada", "--task", "propose hosting", "--budget", "300").out()).isEqualTo(pack1.out());
        CliRun dry = CliRun.in(dir, "memory", "prune", "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("0 would go");
    }
}
