package solo.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.support.Json;
import solo.testing.TestCompany;

class SmokeTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance();

    @Test
    void a_flow_runs_to_completion() {
        Flows.write(company.dir(), "hello", """
                input: {required: [name]}
                steps:
                  - id: greet
                    agent: echo
                    input: {greeting: "Hello ${input.name}"}
                  - id: create
                    action: entity.create
                    input: {type: lead, body: {name: "${steps.greet.output.greeting}"}}
                  - id: skipped
                    when: "input.name == 'nobody'"
                    agent: noop
                output: {lead: "${steps.create.output.id}"}
                """);
        Orchestrator o = company.solo().orchestrator();
        assertThat(o.flows().validate()).isEmpty();
        Run run = o.runs().start("hello", Json.parse("{\"name\":\"Ada\"}", "t"), null);
        Run done = o.worker().driveToRest(run.id(), Duration.ofSeconds(5));
        System.out.println(done);
        o.runs().steps(run.id()).forEach(System.out::println);
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
    }
}
