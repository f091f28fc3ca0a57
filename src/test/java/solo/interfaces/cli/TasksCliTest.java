package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.support.Json;
import solo.testing.CliRun;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/**
 * The company as {@code solo init} makes it (no model configured): the shipped flows validate, and an
 * agent step of a flow becomes a task the operator answers with {@code solo tasks}; the run then goes on to its
 * policy-checked email.
 */
class TasksCliTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().withShippedFlows().closed();

    String ada() {
        CliRun r = CliRun.in(company.dir(), "--json", "entity", "add", "lead", "--set", "name=Ada Park", "--set",
                "email=ada@acme.com", "--reason", "met at the fair");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Json.parse(r.out(), "out").get("id").asString();
    }

    String startOutreach(String lead) {
        solo.orchestration.Flows.fixture(company.dir(), "lead-outreach");
        CliRun r = CliRun.in(company.dir(), "--json", "flow", "run", "lead-outreach", "--input",
                "{\"lead_id\": \"" + lead + "\", \"name\": \"Ada Park\"}");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode run = Json.parse(r.out(), "out");
        assertThat(run.get("status").asString()).isEqualTo("waiting");
        return run.get("id").asString();
    }

    @Test
    void every_flow_solo_init_ships_is_valid() {
        CliRun r = CliRun.in(company.dir(), "flow", "validate");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("5 flows valid\n");
    }

    @Test
    void with_no_model_the_agent_step_is_a_task_answered_on_the_command_line_and_the_run_goes_on() throws Exception {
        String ada = ada();
        String run = startOutreach(ada);

        CliRun list = CliRun.in(company.dir(), "tasks", "list");
        assertThat(list.out()).contains(run + " draft  copywriter about " + ada).contains("1 task\n");
        CliRun show = CliRun.in(company.dir(), "tasks", "show", run, "draft");
        assertThat(show.out()).contains("agent copywriter (premium tier)").contains("Write an email to Ada Park")
                .contains("ada@acme.com") // the context pack: the lead's record
                .contains("subject          string   required").contains("body             string   required");

        CliRun done = CliRun.in(company.dir(), "tasks", "answer", run, "draft", "--answer",
                "{\"subject\": \"Good to meet you\", \"body\": \"Hi Ada, a quick note after the fair.\"}");

        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).startsWith("run " + run + " (lead-outreach v1) completed");
        try (var files = Files.list(company.dir().resolve(".solo/outbox"))) {
            assertThat(files.toList()).singleElement().satisfies(f -> assertThat(Files.readString(f))
                    .contains("Subject: Good to meet you").contains("To: ada@acme.com"));
        }
        JsonNode lead = Json.parse(CliRun.in(company.dir(), "--json", "entity", "get", ada).out(), "lead");
        assertThat(lead.at("/body/status").asString()).isEqualTo("contacted");
        assertThat(CliRun.in(company.dir(), "tasks", "list").out()).isEqualTo("0 tasks\n");
    }

    @Test
    void an_answer_that_breaks_the_contract_is_refused_naming_the_field_and_nothing_is_written() {
        String run = startOutreach(ada());

        CliRun bad = CliRun.in(company.dir(), "tasks", "answer", run, "draft", "--answer", "{\"subject\": \"\"}");

        assertThat(bad.exitCode()).isEqualTo(Cli.REFUSED);
        assertThat(bad.errLines()).singleElement().satisfies(line -> assertThat(line)
                .startsWith("solo: the answer to " + run + " draft breaks copywriter's output contract (nothing was recorded)")
                .contains("/subject").contains("body"));
        assertThat(CliRun.in(company.dir(), "tasks", "list").out()).contains(run + " draft").contains("1 task\n");
    }

    @Test
    void a_task_can_be_declined_which_fails_its_run_and_cannot_be_approved_without_an_answer() {
        String run = startOutreach(ada());
        assertThat(CliRun.in(company.dir(), "gate", "list").out())
                .contains(run + " draft  task  no model serves the premium tier: you answer for copywriter\n");

        CliRun approve = CliRun.in(company.dir(), "gate", "approve", run, "draft");
        assertThat(approve.exitCode()).isEqualTo(Cli.REFUSED);
        assertThat(approve.err()).contains("waits for an answer to its task: solo tasks answer " + run + " draft --answer JSON");

        CliRun reject = CliRun.in(company.dir(), "gate", "reject", run, "draft", "--reason", "not this lead");
        assertThat(reject.out()).contains("failed: step draft: task declined by operator: not this lead");
    }
}
