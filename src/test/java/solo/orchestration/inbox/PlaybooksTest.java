package solo.orchestration.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.company.CompanyTemplate;

/** Playbook files: what they say, how they match a failure, and every mistake named with file:line:column. */
class PlaybooksTest {
    @TempDir
    Path root;

    Playbooks playbooks(String... nameThenYaml) throws IOException {
        Path dir = root.resolve("playbooks");
        Files.createDirectories(dir);
        for (int i = 0; i < nameThenYaml.length; i += 2) {
            Files.writeString(dir.resolve(nameThenYaml[i] + ".yaml"), nameThenYaml[i + 1]);
        }
        return new Playbooks(dir);
    }

    List<String> problems(String yaml) throws IOException {
        try {
            playbooks("bad", yaml).all();
        } catch (PlaybookException e) {
            return e.problems();
        }
        throw new AssertionError("accepted: " + yaml);
    }

    @Test
    void a_playbook_reads_its_failure_and_its_actions_in_order() throws IOException {
        Playbook p = playbooks("provider", """
                description: the provider is down
                on: {failure: [model_provider_down, invalid_output], flow: lead-outreach, step: [draft], error: timeout}
                automatic: true
                actions:
                  - retry: {after: 1m, attempts: 3}
                  - retry_on_tier: {tier: premium, attempts: 2}
                  - notify: "down again"
                  - compensate
                  - cancel
                """).all().getFirst();

        assertThat(p.name()).isEqualTo("provider");
        assertThat(p.automatic()).isTrue();
        assertThat(p.failures()).containsExactlyInAnyOrder(FailureKind.MODEL_PROVIDER_DOWN, FailureKind.INVALID_OUTPUT);
        assertThat(p.actions()).containsExactly(new PlaybookAction.Retry(Duration.ofMinutes(1), 3),
                new PlaybookAction.RetryOnTier("premium", 2), new PlaybookAction.Notify("down again"),
                new PlaybookAction.Compensate(), new PlaybookAction.Cancel());
        assertThat(new PlaybookAction.Retry(Duration.ofMinutes(1), 3).delay(2)).isEqualTo(Duration.ofMinutes(4));
        assertThat(new PlaybookAction.Retry(Duration.ofHours(10), 3).delay(5)).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void the_most_narrowly_written_playbook_that_matches_wins() throws IOException {
        Playbooks all = playbooks(
                "any-error", "on: {failure: step_error}\nactions: [cancel]\n",
                "lead-flow", "on: {failure: step_error, flow: lead}\nactions: [compensate]\n",
                "lead-send", "on: {failure: step_error, flow: lead, step: send}\nactions: [retry]\n",
                "webhooks", "on: {failure: http_failed, action: http}\nactions: [retry]\n");

        assertThat(all.match(new Failure(FailureKind.STEP_ERROR, "lead", "send[action-1]", "X", null, null)).orElseThrow().name())
                .isEqualTo("lead-send");
        assertThat(all.match(new Failure(FailureKind.STEP_ERROR, "lead", "draft", "X", null, null)).orElseThrow().name())
                .isEqualTo("lead-flow");
        assertThat(all.match(new Failure(FailureKind.STEP_ERROR, "other", "draft", "X", null, null)).orElseThrow().name())
                .isEqualTo("any-error");
        assertThat(all.match(new Failure(FailureKind.HTTP_FAILED, "other", "call", null, null, "http")).orElseThrow().name())
                .isEqualTo("webhooks");
        assertThat(all.match(new Failure(FailureKind.POLICY_DENIED, "lead", "send", null, null, null))).isEmpty();
    }

    @Test
    void every_mistake_is_named_with_its_file_line_and_column() throws IOException {
        assertThat(problems("""
                on: {failure: model_down}
                actions: [retry]
                """)).containsExactly("playbooks/bad.yaml:1:15: unknown failure 'model_down' (known: model_provider_down,"
                + " invalid_output, policy_denied, budget_reached, outcome_unknown, http_failed, step_error)");
        assertThat(problems("""
                on: {failure: step_error}
                actions:
                  - retry: {after: soon}
                  - reboot
                """)).containsExactly("playbooks/bad.yaml:3:20: after 'soon' is not a duration (write 500ms, 30s, 5m, 2h, 1d or PT5S)",
                "playbooks/bad.yaml:4:5: unknown action 'reboot' (known: cancel, compensate, fork, notify, retry, retry_on_tier)");
        assertThat(problems("""
                on: {failure: step_error}
                automatic: yes please
                actions:
                  - retry_on_tier: gold
                  - retry: {attempts: 50}
                """)).containsExactly("playbooks/bad.yaml:2:12: automatic must be true or false",
                "playbooks/bad.yaml:4:20: retry_on_tier names a tier (fast, standard, premium), not 'gold'",
                "playbooks/bad.yaml:5:23: attempts must be a whole number from 1 to 10");
        assertThat(problems("""
                on: {failure: policy_denied}
                automatic: true
                actions: [fork]
                """)).containsExactly("playbooks/bad.yaml:3:11: fork needs the input you edit, so an automatic playbook cannot take it");
        assertThat(problems("""
                on: {failure: outcome_unknown}
                automatic: true
                actions: [retry]
                """)).singleElement().asString().contains("is never repeated by itself");
        assertThat(problems("""
                description: nothing to do
                on: {failure: step_error, when: always}
                steps: [cancel]
                """)).containsExactly("playbooks/bad.yaml:3:1: unknown playbook field 'steps' (known: actions, automatic, description, on)",
                "playbooks/bad.yaml:2:27: unknown field 'when' in on (known: action, error, failure, flow, step)",
                "playbooks/bad.yaml:1:1: a playbook needs a list of actions (cancel, compensate, fork, notify, retry, retry_on_tier)");
        assertThat(problems("actions: [cancel]\n")).containsExactly(
                "playbooks/bad.yaml:1:1: a playbook needs on: {failure: KIND} (kinds: model_provider_down, invalid_output,"
                        + " policy_denied, budget_reached, outcome_unknown, http_failed, step_error)");
        assertThat(problems("on: {failure: [step_error}\n")).singleElement().asString().startsWith("playbooks/bad.yaml:1:");
    }

    @Test
    void a_company_with_a_broken_playbook_has_none_until_it_is_fixed() throws IOException {
        Playbooks all = playbooks("good", "on: {failure: step_error}\nactions: [cancel]\n", "bad", "on: 7\nactions: [cancel]\n");
        assertThatThrownBy(all::all).isInstanceOf(PlaybookException.class).hasMessageStartingWith("playbooks/bad.yaml:1:5:");
        Files.writeString(root.resolve("playbooks/bad.yaml"), "on: {failure: http_failed}\nactions: [retry]\n");
        assertThat(all.all()).extracting(Playbook::name).containsExactly("bad", "good");
    }

    @Test
    void the_playbooks_solo_init_ships_are_valid() {
        var company = CompanyTemplate.init(root.resolve("company"), "Test");
        List<Playbook> shipped = new Playbooks(company.playbooksDir()).all();
        assertThat(shipped).extracting(Playbook::name).containsExactly("budget-reached", "email-outcome-unknown",
                "invalid-model-output", "model-provider-down", "policy-denied", "webhook-failed");
        assertThat(shipped.stream().flatMap(p -> p.failures().stream()).distinct()).containsExactlyInAnyOrder(
                FailureKind.BUDGET_REACHED, FailureKind.OUTCOME_UNKNOWN, FailureKind.INVALID_OUTPUT,
                FailureKind.MODEL_PROVIDER_DOWN, FailureKind.POLICY_DENIED, FailureKind.HTTP_FAILED);
    }
}
