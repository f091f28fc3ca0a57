package solo.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.company.Company;
import solo.memory.HashingEmbedder;
import solo.orchestration.Flows;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Event;
import solo.state.Write;
import solo.support.Json;
import solo.testing.OpenAiServer;
import solo.testing.TestCompany;

/** Memory as Solo wires it: the summarizer agent through its seam, and runs' working memory when they end. */
class MemoryWiringTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();
    final OpenAiServer server = new OpenAiServer();
    Solo solo;

    @AfterEach
    void close() {
        if (solo != null) {
            solo.close();
        }
        server.close();
    }

    private Solo open(String yaml) throws Exception {
        var config = company.dir().resolve(Company.CONFIG_FILE);
        Files.writeString(config, Files.readString(config) + "\n" + yaml.stripIndent());
        solo = Solo.builder(Company.open(company.dir())).withDatabaseUrl(company.databaseUrl())
                .withEnvironment(Map.of("TEST_API_KEY", "sk-test")).withMemoryEmbedder(new HashingEmbedder()).open();
        solo.store().write(Write.of(Actor.OPERATOR, null, new Change.CreateEntity("lead", "ada",
                Json.object().put("name", "Ada Park").put("status", "new"))));
        return solo;
    }

    @Test
    void with_a_model_for_the_fast_tier_the_summarizer_agent_writes_the_summary_from_the_digest() throws Exception {
        open("""
                models:
                  scripted: {kind: openai, base_url: "%s", api_key: "env:TEST_API_KEY", timeout_seconds: 5, max_retries: 0}
                tiers:
                  fast: scripted/gpt-test
                """.formatted(server.baseUrl()));
        server.answer("{\"summary\": \"Ada is a new lead who wants a shop redesign.\", \"key_points\": [\"budget 8k\"],"
                + " \"open_questions\": [\"when to start?\"], \"confidence\": 0.9}");
        solo.store().write(Write.of(Actor.OPERATOR, null, new Change.AddArtifact(null, "note", null,
                "Ada wants a redesign of the shop; budget about 8k.", null, "text/plain", null, null, List.of("ada"))));
        Artifact s = solo.memory().summaries().refresh("ada", "test").orElseThrow();
        assertThat(s.text()).startsWith("Ada is a new lead").contains("Key points:\n- budget 8k", "Open questions:\n- when to start?");
        assertThat(s.metadata().path("summarizer").asString()).isEqualTo("agent:summarizer");
        assertThat(solo.store().history("ada")).isNotEmpty();
        // the agent saw the deterministic digest as its context
        assertThat(server.requests().getFirst().body().get("messages").toString()).contains("redesign of the shop");
        assertThat(solo.store().events(0, 100)).filteredOn(e -> e.kind().equals(Event.ARTIFACT_ADDED) && "summary".equals(e.subjectType()))
                .singleElement().satisfies(e -> assertThat(e.actor().text()).isEqualTo("agent:summarizer"));
    }

    @Test
    void a_runs_working_memory_is_discarded_when_it_completes_and_its_entity_summarized() throws Exception {
        open("");
        solo.startMemory(); // what solo up starts: it watches runs end from now on
        Flows.write(company.dir(), "scratch", """
                input: {required: [lead_id]}
                steps:
                  - id: think
                    action: note.add
                    input: {entity: "${input.lead_id}", kind: working, text: "first thoughts about Ada"}
                  - id: done
                    action: entity.update
                    input: {id: "${input.lead_id}", set: {status: contacted}}
                """.stripIndent());
        Run run = solo.orchestrator().runs().startLeased("scratch", Json.parse("{\"lead_id\": \"ada\"}", "input"), null);
        run = solo.orchestrator().worker().driveToRest(run.id(), Duration.ofSeconds(15));
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        String scratch = solo.store().eventsOfRun(run.id()).stream().filter(e -> "working".equals(e.subjectType()))
                .findFirst().orElseThrow().subject();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && !solo.store().artifact(scratch).orElseThrow().deleted()) {
            Thread.sleep(100);
        }
        assertThat(solo.store().artifact(scratch).orElseThrow().deleted()).isTrue();
        while (System.currentTimeMillis() < deadline && solo.memory().summaries().currentArtifact("ada", null).isEmpty()) {
            Thread.sleep(100);
        }
        assertThat(solo.memory().summaries().currentArtifact("ada", null)).isPresent();
    }
}
