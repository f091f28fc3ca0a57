package solo.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.action.ArtifactAttachAction;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Write;
import solo.support.Json;
import solo.testing.TestCompany;

/** {@code artifact.attach}: a flow keeps an artifact that came first (an email) with the entity it turned out to be about. */
class ArtifactAttachActionTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance();

    private Artifact unattachedEmail() {
        company.store().create(Actor.OPERATOR, null, "lead", Json.object().put("name", "Ada").put("email", "ada@example.com"));
        return company.store().write(Write.of(Actor.SYSTEM, "email received", new Change.AddArtifact(null, "email",
                "Dark mode?", "Do you do dark mode?", null, null, null, null, List.of()))).artifact();
    }

    private Run run(String input) {
        Flows.write(company.dir(), "keep", """
                steps:
                  - id: attach
                    action: artifact.attach
                    input: {artifact: "${input.artifact}", entity: "${input.lead}", reason: "her first email"}
                """);
        var o = company.solo().orchestrator();
        return o.worker().driveToRest(o.runs().start("keep", Json.parse(input, "input"), null).id(), Duration.ZERO);
    }

    @Test
    void a_flow_attaches_an_artifact_to_an_entity_in_its_step_s_checkpoint() {
        Artifact email = unattachedEmail();
        String lead = company.store().list("lead", null, 1).getFirst().id();

        Run run = run("{\"artifact\": \"" + email.id() + "\", \"lead\": \"" + lead + "\"}");

        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        assertThat(company.store().artifacts(lead, 10)).extracting(Artifact::id).containsExactly(email.id());
        assertThat(company.store().history(email.id()).getLast().actor().text()).isEqualTo("run:" + run.id() + "/step:attach");
    }

    @Test
    void attaching_to_an_entity_that_does_not_exist_fails_the_step_and_attaches_nothing() {
        Artifact email = unattachedEmail();

        Run run = run("{\"artifact\": \"" + email.id() + "\", \"lead\": \"lead_ghost\"}");

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).contains("lead_ghost");
        assertThat(company.store().artifact(email.id()).orElseThrow().entityIds()).isEmpty();
    }

    @Test
    void an_edited_input_is_checked_field_by_field_before_anything_runs() {
        Artifact email = unattachedEmail();
        var action = new ArtifactAttachAction();

        assertThat(action.check(Json.parse("{\"artifact\": \"art_none\", \"entity\": \"lead_ghost\"}", "input"), company.store()))
                .containsExactly("artifact: no artifact art_none", "entity: no entity lead_ghost");
        assertThat(action.check(Json.parse("{\"artifact\": \"" + email.id() + "\"}", "input"), company.store()))
                .containsExactly("entity: name the entity to attach it to (entity: ID or entities: [IDs])");
        assertThat(action.check(Json.parse("{\"artifact\": 7, \"entity\": \"x\"}", "input"), company.store()))
                .first().isEqualTo("artifact: must be text, not number");
    }
}
