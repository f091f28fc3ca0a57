package solo.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.app.Solo;
import solo.company.Company;
import solo.orchestration.runtime.RunStatus;
import solo.testing.OpenAiServer;

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

    @Test
    void with_models_given_the_agents_ask_them_and_the_demo_answers_nothing() throws Exception {
        try (OpenAiServer model = new OpenAiServer()) {
            model.answerWhenAsked("Research ", """
                    {"summary": "A product lead with a concrete need.", "facts": ["a need"], "gaps": [], "confidence": 0.9}""")
                    .answerWhenAsked("Score the lead", """
                    {"score": 80, "qualified": true, "reasons": ["fits"], "next_step": "draft_email", "confidence": 0.95}""")
                    .answerWhenAsked("Write an email to", """
                    {"subject": "Hello from Northwind", "body": "Hi, a short note from the studio.", "confidence": 0.95}""")
                    .answerWhenAsked("Write the brief", """
                    {"headline": "Dark mode", "audience": "product leads", "key_points": ["night shifts"],
                     "outline": ["a scene", "a lesson"], "confidence": 0.9}""")
                    .answerWhenAsked("Write the post", """
                    {"title": "Dark mode", "slug": "dark-mode", "body": "%s", "summary": "Night shifts.", "confidence": 0.9}"""
                    .formatted("Night shifts changed how we think about dashboards. ".repeat(6)))
                    .answerWhenAsked("Summarize ", """
                    {"summary": "A summary.", "key_points": [], "open_questions": [], "confidence": 0.8}""");
            Path models = tmp.resolve("models.yaml");
            Files.writeString(models, """
                    models:
                      local: {kind: openai, base_url: "%s", api_key: "env:PATH", timeout_seconds: 5, max_retries: 1}
                    tiers: {fast: local/demo-model, standard: local/demo-model, premium: local/demo-model}
                    """.formatted(model.baseUrl()));
            StringWriter out = new StringWriter();

            new Demo(new PrintWriter(out)).run(tmp.resolve("northwind"), DemoModels.read(models));

            assertThat(out.toString()).doesNotContain(DemoAnswers.LABEL + " score").contains("Publish this post?");
            assertThat(model.requestCount()).isGreaterThanOrEqualTo(5 * 3 + 1 + 2);
            try (var outbox = Files.list(tmp.resolve("northwind/.solo/outbox"))) {
                // the scripted model finds every lead a fit: four first emails (not the opted-out one) and the reminder
                assertThat(outbox.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(5);
            }
        }
    }

    @Test
    void a_models_file_with_other_sections_is_refused_in_one_line() throws Exception {
        Path models = tmp.resolve("models.yaml");
        Files.writeString(models, "tiers: {fast: x/y}\ndatabase: {url: x}\n");
        assertThatThrownBy(() -> DemoModels.read(models)).hasMessageContaining("models.yaml:2:1")
                .hasMessageContaining("--models takes only budgets, models, prices, tiers sections");
        Files.writeString(models, "models: {}\n");
        assertThatThrownBy(() -> DemoModels.read(models)).hasMessageContaining("needs a tiers: section");
    }
}
