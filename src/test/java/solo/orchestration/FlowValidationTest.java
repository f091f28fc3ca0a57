package solo.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.FlowException;
import solo.orchestration.flow.StepDefinition;
import solo.support.Json;
import solo.testing.TestCompany;

/** Every bad flow is refused when it is loaded, each problem at file:line:column — never half-way through a run. */
class FlowValidationTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance();

    List<String> problems(String yaml) {
        Flows.write(company.dir(), "f", yaml);
        try {
            company.solo().orchestrator().flows().current("f");
        } catch (FlowException e) {
            return e.problems();
        }
        throw new AssertionError("the flow was accepted");
    }

    @Test
    void an_unknown_step_kind_is_refused() {
        assertThat(problems("steps:\n  - id: a\n    agnet: echo\n")).containsExactly("flows/f.yaml:3:12: step 'a': unknown step kind"
                + " or field 'agnet' (kinds: action, agent, flow, foreach, gate, query, wait; fields: after, description, do, id,"
                + " input, parallel, retry, when)");
    }

    @Test
    void a_step_with_two_kinds_is_refused() {
        assertThat(problems("steps:\n  - id: a\n    agent: echo\n    gate: ok?\n"))
                .containsExactly("flows/f.yaml:4:11: step 'a' needs exactly one kind (action, agent, flow, foreach, gate, query, wait),"
                        + " found agent and gate");
    }

    @Test
    void bad_cel_is_refused() {
        assertThat(problems("steps:\n  - id: a\n    agent: echo\n    when: \"input.x >\"\n").getFirst())
                .startsWith("flows/f.yaml:4:11: bad expression 'input.x >':");
        assertThat(problems("steps:\n  - id: a\n    agent: echo\n    input: {x: \"${input.(}\"}\n").getFirst())
                .startsWith("flows/f.yaml:4:16: bad expression 'input.(':");
    }

    @Test
    void a_reference_to_a_step_that_does_not_exist_is_refused() {
        assertThat(problems("steps:\n  - id: a\n    agent: echo\n    input: {x: \"${steps.nope.output}\"}\n"))
                .containsExactly("flows/f.yaml:2:5: step 'a' refers to step 'nope', which does not exist");
        assertThat(problems("steps:\n  - id: a\n    agent: echo\n    after: [ghost]\n"))
                .containsExactly("flows/f.yaml:4:12: step 'a' refers to step 'ghost', which does not exist");
    }

    @Test
    void a_cycle_is_refused_and_named() {
        assertThat(problems("""
                steps:
                  - id: a
                    agent: echo
                    input: {x: "${steps.b.output}"}
                  - id: b
                    agent: echo
                    after: a
                """)).containsExactly("flows/f.yaml:2:5: steps depend on each other in a cycle: a -> b -> a");
    }

    @Test
    void a_gate_deadline_needs_a_duration_and_a_default_decision() {
        assertThat(problems("steps:\n  - id: a\n    gate: {prompt: ok?, deadline: soon, default: approve}\n"))
                .containsExactly("flows/f.yaml:3:35: step 'a': deadline 'soon' is not a duration (write 500ms, 30s, 5m, 2h, 1d or PT5S)");
        assertThat(problems("steps:\n  - id: a\n    gate: {prompt: ok?, deadline: 2d, default: maybe}\n"))
                .containsExactly("flows/f.yaml:3:48: step 'a': a gate's default must be approve or reject, not 'maybe'");
        assertThat(problems("steps:\n  - id: a\n    gate: {prompt: ok?, deadline: 2d}\n"))
                .containsExactly("flows/f.yaml:3:35: step 'a': a gate's deadline and default go together (deadline: 2d,"
                        + " default: approve): what happens when nobody answers in time");
        assertThat(problems("steps:\n  - id: a\n    gate: {prompt: ok?, timeout: 2d}\n"))
                .containsExactly("flows/f.yaml:3:34: step 'a': unknown gate field 'timeout' (known: default, deadline, prompt)");
        Flows.write(company.dir(), "f", "steps:\n  - id: a\n    gate: {prompt: ok?, deadline: 2d, default: reject}\n");
        assertThat(company.solo().orchestrator().flows().current("f").steps()).hasSize(1);
    }

    @Test
    void missing_required_inputs_are_refused() {
        assertThat(problems("steps:\n  - id: a\n    action: entity.create\n    input: {body: {}}\n"))
                .containsExactly("flows/f.yaml:4:12: step 'a': action entity.create needs input type");
        Flows.write(company.dir(), "child", "input: {required: [lead_id]}\nsteps:\n  - id: x\n    agent: noop\n");
        assertThat(problems("steps:\n  - id: a\n    flow: child\n"))
                .containsExactly("flows/f.yaml:2:5: step 'a': flow child needs input lead_id");
    }

    @Test
    void a_run_without_the_flows_required_input_is_refused_before_it_starts() {
        Flows.write(company.dir(), "needs", "input: {required: [lead_id]}\nsteps:\n  - id: x\n    agent: noop\n");
        assertThatThrownBy(() -> company.solo().orchestrator().runs().start("needs", Json.object(), null))
                .hasMessage("flow needs needs input lead_id (give it with --input '{\"lead_id\": ...}')");
        assertThat(company.solo().orchestrator().runs().list(null, null, 10)).isEmpty();
    }

    @Test
    void duplicate_step_ids_are_refused() {
        assertThat(problems("steps:\n  - id: a\n    agent: echo\n  - id: a\n    agent: noop\n"))
                .containsExactly("flows/f.yaml:4:9: duplicate step id 'a'");
    }

    @Test
    void unknown_agents_actions_flows_and_entity_types_are_refused() {
        assertThat(problems("""
                triggers:
                  - entity: leed
                  - cron: "61 * * * *"
                steps:
                  - id: a
                    agent: nobody
                  - id: b
                    action: email.fax
                  - id: c
                    flow: nowhere
                  - id: d
                    wait: soon
                """)).containsExactly(
                "flows/f.yaml:2:13: no entity type 'leed' (see schema/)",
                "flows/f.yaml:3:11: bad cron schedule '61 * * * *': Failed to parse cron expression. Value 61 not in range [0, 59]",
                "flows/f.yaml:6:12: step 'a': unknown agent 'nobody' (agents/ defines copywriter, editor, qualifier, researcher,"
                        + " scheduler, summarizer, writer; functions: echo, noop)",
                "flows/f.yaml:8:13: step 'b': unknown action 'email.fax' (known: artifact.attach, email.send, entity.create, entity.link,"
                        + " entity.update, flow.start, http, note.add, publish)",
                "flows/f.yaml:10:11: step 'c': no flow 'nowhere' in flows/",
                "flows/f.yaml:12:11: step 'd': 'soon' is not a duration (write 500ms, 30s, 5m, 2h, 1d or PT5S)");
    }

    @Test
    void foreach_cannot_wait_for_the_operator_per_item() {
        assertThat(problems("steps:\n  - id: a\n    foreach: \"[1, 2]\"\n    do:\n      gate: ok?\n"))
                .containsExactly("flows/f.yaml:5:13: foreach step 'a' cannot run gate steps for each item");
    }

    @Test
    void steps_run_after_the_steps_they_depend_on() {
        Flows.write(company.dir(), "order", """
                steps:
                  - id: last
                    agent: echo
                    input: {x: "${steps.first.output}"}
                  - id: first
                    agent: noop
                """);
        FlowDefinition def = company.solo().orchestrator().flows().current("order");
        assertThat(def.steps()).extracting(StepDefinition::id).containsExactly("first", "last");
    }
}
