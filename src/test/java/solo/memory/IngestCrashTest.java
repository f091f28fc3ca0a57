package solo.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import solo.app.Solo;
import solo.memory.index.Chunk;
import solo.memory.index.IndexView;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Event;
import solo.state.Write;
import solo.support.Json;
import solo.testing.ChildJvm;
import solo.testing.Database;
import solo.testing.TestCompany;

/**
 * SIGKILL a process in the middle of ingesting files, several times: after a restart every file it stored
 * is whole in the store, the index catches up to the store's newest event, and the index holds exactly the
 * live artifacts — none missing, none twice.
 */
class IngestCrashTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void a_kill_during_ingestion_leaves_store_and_index_consistent_after_restart(Database database) throws Exception {
        TestCompany company = TestCompany.instance().withDatabase(database).closed();
        company.beforeEach(null);
        try {
            try (Solo solo = company.reopen()) {
                solo.store().write(Write.of(Actor.OPERATOR, null, new Change.CreateEntity("lead", "ada", Json.object().put("name", "Ada"))));
            }
            Path files = Files.createDirectories(company.dir().resolve("files"));
            Set<String> acknowledged = new HashSet<>();
            for (int round = 0; round < 3; round++) {
                int killAfter = ThreadLocalRandom.current().nextInt(3, 12);
                try (ChildJvm child = ChildJvm.start(IngestCrashChild.class, company.dir().resolve("child.err"),
                        company.dir().toString(), files.toString())) {
                    assertThat(child.nextLine(Duration.ofSeconds(90))).as("child started").isEqualTo("ready");
                    for (int seen = 0; seen < killAfter; seen++) {
                        String line = child.nextLine(Duration.ofSeconds(60));
                        assertThat(line).as("child keeps ingesting").isNotNull();
                    }
                    child.kill();
                    child.lines().stream().filter(l -> l.startsWith("ok ")).forEach(l -> acknowledged.add(l.substring(3)));
                }
            }
            try (Solo solo = Solo.builder(company.company()).withDatabaseUrl(company.databaseUrl())
                    .withMemoryEmbedder(new HashingEmbedder()).open()) {
                var memory = solo.memory();
                memory.catchUp(m -> { });
                assertThat(memory.follower().position()).isEqualTo(solo.store().lastSeq());
                Set<String> live = new HashSet<>();
                for (Event e : solo.store().events(0, 100_000)) {
                    if (e.kind().equals(Event.ARTIFACT_ADDED)) {
                        live.add(e.subject());
                    }
                }
                assertThat(live).containsAll(acknowledged);
                try (IndexView view = memory.engine().index().view()) {
                    for (String id : live) {
                        var a = solo.store().artifact(id).orElseThrow();
                        assertThat(a.text().strip()).as(id + " whole").startsWith("# Note").endsWith("project plan.");
                        List<Chunk> chunks = view.chunksOf(id);
                        assertThat(chunks).as(id + " indexed").isNotEmpty();
                        assertThat(chunks.stream().map(Chunk::id).distinct().count()).isEqualTo(chunks.size());
                    }
                    int expected = 1 + live.stream().mapToInt(id -> view.chunksOf(id).size()).sum(); // + the lead's record
                    assertThat(view.chunkCount()).isEqualTo(expected);
                }
                assertThat(memory.search(MemoryQuery.entity("invoice project plan", "ada", 0, 5))).isNotEmpty();
            }
        } finally {
            company.afterEach(null);
        }
    }
}
