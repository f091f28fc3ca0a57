package solo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.app.Solo;
import solo.company.Company;
import solo.orchestration.runtime.RunStatus;

/** {@code solo demo}: the flagship flows end to end on the embedded defaults, with the demo's answers labelled. */
class DemoTest {
    @TempDir
    Path tmp;

    @Test
    void the_demo_runs_the_flagship_flows_and_shows_what_they_did() throws Exception {
        StringWriter out = new StringWriter();
        new Demo(new PrintWriter(out)).run(tmp.resolve("northwind"));
        String text = out.toString();

        assertThat(text).contains("imported 4 of 5 rows as lead (1 refused)", "row 6, email",
                "[demo answer, not a model's]", "Send this first email?", "chain verified:", "every hash holds",
                "Point Solo at a real model");
        // every agent answer the demo gave is labelled as the demo's on the line that shows it
        text.lines().filter(l -> l.contains("score ") && l.contains("qualified") && l.contains(" for "))
                .forEach(l -> assertThat(l).contains("[demo answer, not a model's]"));
        Path company = tmp.resolve("northwind");
        try (var outbox = Files.list(company.resolve(".solo/outbox"))) {
            assertThat(outbox.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(4); // 3 leads and 1 reminder
        }
        assertThat(company.resolve("published/dark-mode-is-an-accessibility-feature.md")).exists();
        try (Solo solo = Solo.open(Company.open(company))) {
            var runs = solo.orchestrator().runs();
            assertThat(runs.list("lead-qualification", RunStatus.COMPLETED, 10)).hasSize(4);
            assertThat(runs.list("lead-qualification", RunStatus.FAILED, 10)).singleElement() // the opted-out lead
                    .satisfies(r -> assertThat(r.error()).contains("opted out"));
            assertThat(runs.list("invoice-reminder", RunStatus.COMPLETED, 10)).hasSize(1);
            assertThat(runs.list("content-pipeline", RunStatus.COMPLETED, 10)).hasSize(1);
            assertThat(solo.store().verify().ok()).isTrue();
        }
    }
}
