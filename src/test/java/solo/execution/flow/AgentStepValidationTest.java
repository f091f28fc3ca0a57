package solo.execution.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.Flows;
import solo.orchestration.flow.FlowException;
import solo.testing.TestCompany;

/** Agent steps written wrongly are refused when the flow is read, at file:line:column — never half-way through a run. */
class AgentStepValidationTest {
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
    void an_agent_that_is_neither_in_agents_nor_a_function_is_refused_naming_both() {
        assertThat(problems("steps:\n  - id: a\n    agent: closer\n")).containsExactly("flows/f.yaml:3:12: step 'a': unknown"
                + " agent 'closer' (agents/ defines copywriter, editor, qualifier, researcher, scheduler, summarizer, writer; functions: echo, noop)");
    }

    @Test
    void an_agent_step_without_an_input_its_contract_requires_is_refused() {
        assertThat(problems("steps:\n  - id: a\n    agent: qualifier\n    input: {lead: {id: x, name: y}}\n"))
                .containsExactly("flows/f.yaml:4:12: step 'a': agent qualifier needs input criteria (its input contract in"
                        + " agents/qualifier.yaml)");
    }

    @Test
    void about_belongs_to_agent_steps_and_is_an_expression() {
        assertThat(problems("steps:\n  - id: a\n    gate: ok?\n    about: x\n"))
                .containsExactly("flows/f.yaml:4:12: step 'a': 'about' belongs to agent steps");
        assertThat(problems("steps:\n  - id: a\n    agent: echo\n    about: \"${input.(}\"\n").getFirst())
                .startsWith("flows/f.yaml:4:12: bad expression 'input.('");
    }

    @Test
    void about_counts_as_reading_the_steps_it_names() {
        Flows.write(company.dir(), "f", """
                steps:
                  - id: b
                    agent: echo
                    about: "${steps.a.output.id}"
                  - id: a
                    agent: echo
                """);

        var flow = company.solo().orchestrator().flows().current("f");

        assertThat(flow.steps()).extracting(s -> s.id()).containsExactly("a", "b");
    }
}
