package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.orchestration.Flows;
import solo.testing.CliRun;
import solo.testing.TestCompany;

/** {@code solo flow validate|list|run} as the operator types them, with good and bad input. */
class FlowCliTest {
    static final String HELLO = """
            description: says hello
            input: {required: [name]}
            steps:
              - id: greet
                agent: echo
                input: {text: "Hello ${input.name}"}
            """;

    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    long runs() {
        try (Solo solo = company.reopen()) {
            return solo.orchestrator().runs().list(null, null, 1000).size();
        }
    }

    @Test
    void validate_says_how_many_flows_are_valid() {
        Flows.write(company.dir(), "hello", HELLO);
        CliRun r = CliRun.in(company.dir(), "flow", "validate");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).isEqualTo("1 flow valid\n");
    }

    @Test
    void validate_prints_each_problem_on_its_own_line_and_fails() {
        Flows.write(company.dir(), "bad", "steps:\n  - id: a\n    agnet: x\n  - id: b\n    agent: nobody\n");
        CliRun r = CliRun.in(company.dir(), "flow", "validate");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).hasSize(2).allMatch(l -> l.startsWith("solo: flows/bad.yaml:"));
    }

    @Test
    void list_shows_each_flow_with_its_steps_and_triggers() {
        Flows.write(company.dir(), "hello", HELLO);
        CliRun r = CliRun.in(company.dir(), "flow", "list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("hello").contains("1 steps").contains("manual").contains("says hello");
        assertThat(CliRun.in(company.dir(), "--json", "flow", "list").out()).contains("\"valid\" : true");
    }

    @Test
    void run_drives_the_run_to_its_end_and_prints_the_output() {
        Flows.write(company.dir(), "hello", HELLO);
        CliRun r = CliRun.in(company.dir(), "flow", "run", "hello", "--input", "{\"name\": \"Ada\"}");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).matches("run run_\\w+ \\(hello v1\\) completed: \\{\"text\":\"Hello Ada\"}\\n");
    }

    @Test
    void run_with_detach_only_queues_the_run() {
        Flows.write(company.dir(), "hello", HELLO);
        CliRun r = CliRun.in(company.dir(), "flow", "run", "hello", "--input", "{\"name\": \"Ada\"}", "--detach");
        assertThat(r.out()).contains("queued");
    }

    @Test
    void run_refuses_bad_input_in_one_line_and_writes_nothing() {
        Flows.write(company.dir(), "hello", HELLO);
        CliRun missing = CliRun.in(company.dir(), "flow", "run", "hello");
        CliRun notJson = CliRun.in(company.dir(), "flow", "run", "hello", "--input", "{name");
        CliRun notObject = CliRun.in(company.dir(), "flow", "run", "hello", "--input", "[1]");
        CliRun unknown = CliRun.in(company.dir(), "flow", "run", "goodbye");

        assertThat(missing.errLines()).containsExactly("solo: flow hello needs input name (give it with --input '{\"name\": ...}')");
        assertThat(notJson.errLines()).hasSize(1).allMatch(l -> l.startsWith("solo: --input: invalid JSON at line 1"));
        assertThat(notObject.errLines()).containsExactly("solo: --input must be a JSON object, like '{\"lead_id\": \"lead_...\"}'");
        assertThat(unknown.errLines()).containsExactly("solo: no flow 'goodbye' (flows/goodbye.yaml does not exist; known: hello)");
        assertThat(java.util.List.of(missing, notJson, notObject, unknown)).allMatch(x -> x.exitCode() == 1);
        assertThat(runs()).isZero();
    }

    @Test
    void run_of_an_invalid_flow_names_the_place_of_its_problem() {
        Flows.write(company.dir(), "bad", "steps:\n  - id: a\n    agent: nobody\n");
        CliRun r = CliRun.in(company.dir(), "flow", "run", "bad");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly("solo: flows/bad.yaml:3:12: step 'a': unknown agent 'nobody' (agents/ defines copywriter,"
                + " editor, qualifier, researcher, scheduler, summarizer, writer; functions: echo, noop)");
        assertThat(runs()).isZero();
    }
}
