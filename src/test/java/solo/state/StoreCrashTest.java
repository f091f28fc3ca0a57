package solo.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import solo.app.Solo;
import solo.testing.ChildJvm;
import solo.testing.Database;
import solo.testing.TestCompany;

/**
 * SIGKILL a process in the middle of a stream of writes, several times: every write it acknowledged is
 * there with its event, nothing is half-written, and the hash chain verifies.
 */
class StoreCrashTest {

    @ParameterizedTest
    @EnumSource(Database.class)
    void every_acknowledged_write_survives_a_kill_and_nothing_is_half_written(Database database) throws Exception {
        TestCompany company = TestCompany.instance().withDatabase(database).closed();
        company.beforeEach(null);
        try {
            Map<String, Long> acknowledged = new HashMap<>();
            for (int round = 0; round < 3; round++) {
                int killAfter = ThreadLocalRandom.current().nextInt(100, 600);
                try (ChildJvm child = ChildJvm.start(CrashWriter.class, company.dir().resolve("child.err"),
                        company.dir().toString())) {
                    assertThat(child.nextLine(Duration.ofSeconds(60))).as("child started").isEqualTo("ready");
                    for (int seen = 0; seen < killAfter; seen++) {
                        String line = child.nextLine(Duration.ofSeconds(30));
                        assertThat(line).as("child keeps writing").isNotNull();
                        String[] parts = line.split(" ");
                        acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                    }
                    child.kill();
                    // lines printed between our last read and the kill were acknowledged too
                    child.lines().stream().filter(l -> l.startsWith("ok ")).map(l -> l.split(" "))
                            .forEach(p -> acknowledged.merge(p[1], Long.parseLong(p[2]), Math::max));
                }
            }
            try (Solo solo = company.reopen()) {
                Store store = solo.store();
                assertThat(acknowledged).isNotEmpty();
                acknowledged.forEach((id, version) -> {
                    Entity e = store.get(id);
                    assertThat(e.version()).as(id).isGreaterThanOrEqualTo(version);
                    List<Event> history = store.history(id);
                    assertThat(history).extracting(Event::version).as(id + " has an event per version")
                            .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, e.version()).boxed().toList());
                });
                assertThat(store.verify().ok()).as(store.verify().toString()).isTrue();
            }
        } finally {
            company.afterEach(null);
        }
    }
}
