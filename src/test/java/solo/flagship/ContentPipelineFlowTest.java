package solo.flagship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.runtime.Run;
import solo.state.Actor;
import solo.state.Entity;
import solo.support.Json;
import solo.testing.TestCompany;

/**
 * The content pipeline as {@code solo init} ships it: the backlog's first topic is briefed, drafted, shown to
 * the operator, published to the company's {@code published/} folder and logged on the topic.
 */
class ContentPipelineFlowTest {
    static final String BRIEF = """
            {"headline": "Dark mode is an accessibility feature", "audience": "product leads",
             "key_points": ["night shifts", "contrast rules"], "outline": ["the problem", "what we did", "what to check"],
             "avoid": ["medical claims"], "confidence": 0.85}""";
    static final String POST = """
            {"title": "Dark mode is an accessibility feature", "slug": "dark-mode-accessibility",
             "body": "%s", "summary": "Why a night-shift team needed dark mode, and what we checked.", "confidence": 0.8}"""
            .formatted("When the ops team of a robotics client works nights, a bright dashboard is more than a nuisance. ".repeat(4));

    @RegisterExtension
    final TestCompany company = TestCompany.instance().withShippedFlows().closed();
    Flagship solo;

    @BeforeEach
    void start() {
        solo = new Flagship(company);
    }

    @AfterEach
    void stop() {
        solo.close();
    }

    Entity topic(String title, int priority, String status) {
        return solo.solo.store().create(Actor.OPERATOR, "an idea", "topic",
                Json.object().put("title", title).put("priority", priority).put("status", status));
    }

    @Test
    void the_first_topic_of_the_backlog_is_briefed_drafted_approved_published_and_logged() throws Exception {
        topic("Pricing a redesign", 10, "backlog");
        Entity first = topic("Dark mode is accessibility", 50, "backlog");
        topic("Old news", 90, "published");
        solo.model.answer(BRIEF).answer(POST);

        Run run = solo.solo.orchestrator().runs().start("content-pipeline", Json.object(), null);
        run = solo.awaitStatus(run.id(), "waiting");

        assertThat(solo.step(run, "topic").output().at("/first/id").asString()).isEqualTo(first.id());
        assertThat(solo.solo.store().get(first.id()).body().get("status").asString()).isEqualTo("drafting");
        assertThat(solo.step(run, "review").detail().at("/input/title").asString()).isEqualTo("Dark mode is an accessibility feature");
        Path published = company.dir().resolve("published/dark-mode-accessibility.md");
        assertThat(published).doesNotExist();

        solo.solo.orchestrator().runs().answer(run.id(), "review", true, "ship it", Actor.OPERATOR);
        run = solo.awaitStatus(run.id(), "completed");

        assertThat(Files.readString(published)).startsWith("---\ntitle: \"Dark mode is an accessibility feature\"")
                .contains("idempotency_key: " + run.id() + "/publish").contains("robotics client works nights");
        Entity logged = solo.solo.store().get(first.id());
        assertThat(logged.body().get("status").asString()).isEqualTo("published");
        assertThat(logged.body().get("published_path").asString()).isEqualTo("published/dark-mode-accessibility.md");
        assertThat(solo.solo.store().history(first.id()).getLast().reason()).startsWith("published: Why a night-shift team");
    }

    @Test
    void an_empty_backlog_is_a_quiet_week() {
        topic("Old news", 90, "published");

        Run run = solo.solo.orchestrator().runs().start("content-pipeline", Json.object(), null);
        run = solo.awaitStatus(run.id(), "completed");

        assertThat(solo.solo.orchestrator().runs().steps(run.id())).filteredOn(s -> !s.stepId().equals("topic"))
                .allMatch(s -> s.status().text().equals("skipped"));
        assertThat(solo.model.requestCount()).isZero();
    }

    @Test
    void a_post_is_never_published_over_another_runs_post_of_the_same_slug() throws Exception {
        Files.createDirectories(company.dir().resolve("published"));
        Files.writeString(company.dir().resolve("published/dark-mode-accessibility.md"), "---\ntitle: mine\n---\nby hand\n");
        topic("Dark mode is accessibility", 50, "backlog");
        solo.model.answer(BRIEF).answer(POST);

        Run run = solo.awaitStatus(solo.solo.orchestrator().runs().start("content-pipeline", Json.object(), null).id(), "waiting");
        solo.solo.orchestrator().runs().answer(run.id(), "review", true, "ship it", Actor.OPERATOR);
        run = solo.awaitStatus(run.id(), "failed");

        assertThat(run.error()).contains("published/dark-mode-accessibility.md exists already");
        assertThat(Files.readString(company.dir().resolve("published/dark-mode-accessibility.md"))).contains("by hand");
    }
}
