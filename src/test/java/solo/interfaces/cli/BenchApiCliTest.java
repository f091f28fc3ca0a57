package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import solo.support.Json;
import solo.testing.CliRun;

/** {@code solo bench api} runs end to end on a small company and prints one JSON line (figures are not checked). */
class BenchApiCliTest {
    @Test
    void bench_api_prints_one_json_line_with_its_figures() {
        CliRun run = CliRun.run("bench", "api", "--entities", "300", "--seconds", "1", "--clients", "2",
                "--search-artifacts", "60", "--search-clients", "2");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var out = Json.parse(run.out().strip(), "bench api");
        assertThat(out.get("entities").asInt()).isEqualTo(300);
        assertThat(out.get("get_entity_rps").asLong()).isPositive();
        assertThat(out.has("page_p95_ms")).isTrue();
        assertThat(out.get("search_rps").asLong()).isPositive();
        assertThat(out.get("search_p95_ms").asDouble()).isPositive();
        assertThat(out.get("search_artifacts").asInt()).isEqualTo(60);
    }
}
