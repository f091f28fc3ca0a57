package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.Flows;
import solo.support.Json;
import solo.testing.CliRun;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** {@code solo inbox}, {@code solo kpi}, {@code solo digest}, {@code solo playbooks} and {@code solo runs rollback} as typed. */
class InboxCliTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    CliRun solo(String... args) {
        return CliRun.in(company.dir(), args);
    }

    String waitingRun() {
        Flows.write(company.dir(), "review", """
                steps:
                  - id: review
                    gate: {prompt: "Send the draft?", deadline: 2d, default: reject}
                    input: {subject: "Hello", words: 2}
                  - id: save
                    action: entity.create
                    input: {type: lead, body: {name: "Ada Park", email: "ada@example.com"}}
                """);
        CliRun run = solo("--json", "flow", "run", "review");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Json.parse(run.out(), "run").path("id").asString();
    }

    String onlyItem() {
        JsonNode page = Json.parse(solo("inbox", "--json").out(), "page");
        assertThat(page.path("open").asLong()).isEqualTo(1);
        return page.path("items").get(0).path("id").asString();
    }

    @Test
    void list_show_and_approve_then_a_second_decision_is_one_line_refused() {
        String run = waitingRun();
        String item = onlyItem();

        CliRun list = solo("inbox");
        assertThat(list.out()).contains(item + " gate     review               Send the draft?  due ").endsWith("1 waiting; showing 1-1\n");
        CliRun show = solo("inbox", "show", item);
        assertThat(show.out()).contains("run       " + run + " (review v1) waiting, step review", "## Why it is here",
                "prompt     Send the draft?", "## What it proposes", "input      {\"subject\":\"Hello\",\"words\":2}",
                "solo inbox approve " + item + " [--reason TEXT]", "solo inbox edit " + item + " --input",
                "solo inbox reject " + item + " --reason TEXT", "(then reject by default)");
        JsonNode json = Json.parse(solo("--json", "inbox", "show", item).out(), "item");
        assertThat(json.path("decisions").get(0).path("command").asString()).isEqualTo("solo inbox approve " + item + " [--reason TEXT]");
        assertThat(json.path("run").path("id").asString()).isEqualTo(run);

        CliRun approve = solo("inbox", "approve", item, "--reason", "fine");
        assertThat(approve.exitCode()).as(approve.err()).isZero();
        assertThat(approve.out()).startsWith("run " + run + " (review v1) completed");
        CliRun again = solo("inbox", "reject", item, "--reason", "no");
        assertThat(again.exitCode()).isEqualTo(Cli.REFUSED);
        assertThat(again.errLines()).singleElement().asString().startsWith("solo: inbox item " + item
                + " was decided already: approved by operator at ");
        assertThat(solo("inbox").out()).isEqualTo("0 waiting\n");
        assertThat(solo("inbox", "show", item).out()).contains("## History", "inbox.approved", "by operator", "fine");
        assertThat(solo("runs", "show", run).out()).contains("  decisions\n", "inbox.approved", "fine");
        assertThat(Json.parse(solo("--json", "runs", "show", run).out(), "run").path("decisions").get(0).path("kind").asString())
                .isEqualTo("inbox.approved");
    }

    @Test
    void bad_decisions_are_one_line_each_with_nothing_written() {
        waitingRun();
        String item = onlyItem();

        assertThat(solo("inbox", "show", "in_nosuch000000000000").errLines())
                .containsExactly("solo: no inbox item in_nosuch000000000000 (see: solo inbox list)");
        CliRun badEdit = solo("inbox", "edit", item, "--input", "{\"words\": \"two\"}");
        assertThat(badEdit.exitCode()).isEqualTo(Cli.REFUSED);
        assertThat(badEdit.errLines()).containsExactly("solo: the edit of inbox item " + item + " is refused (nothing was"
                + " recorded): words: must be number like the original, not string");
        assertThat(solo("inbox", "edit", item, "--input", "[1]").errLines())
                .containsExactly("solo: --input must be a JSON object, like '{\"lead_id\": \"lead_...\"}'");
        assertThat(solo("inbox", "answer", item, "--answer", "{}").errLines()).singleElement().asString()
                .contains("is a gate, not a task to answer");
        assertThat(solo("inbox", "do", item, "retry").errLines()).singleElement().asString()
                .contains("no playbook applies to it");
        assertThat(solo("inbox", "snooze", item, "--until", "whenever").errLines())
                .containsExactly("solo: --until whenever: a duration (2h, 1d) or a time (2030-01-31T09:00:00Z)");
        assertThat(solo("inbox", "list", "--limit", "0").errLines())
                .containsExactly("solo: a page is 1 to 1000 items from an offset of 0 or more");
        assertThat(onlyItem()).isEqualTo(item);

        CliRun snooze = solo("inbox", "snooze", item, "--until", "2h", "--reason", "later");
        assertThat(snooze.out()).startsWith(item + " snoozed until ");
        assertThat(solo("inbox").out()).isEqualTo("0 waiting (1 snoozed)\n");
        assertThat(solo("inbox", "list", "--snoozed").out()).contains(item);

        CliRun edit = solo("inbox", "edit", item, "--input", "{\"subject\": \"Hello Ada\"}");
        assertThat(edit.out()).contains("completed");
    }

    @Test
    void a_run_is_rolled_back_and_kpis_and_the_digest_report_on_the_runs() {
        String run = waitingRun();
        solo("inbox", "approve", onlyItem());

        CliRun rollback = solo("runs", "rollback", run, "--reason", "test data");
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).isEqualTo("run " + run + " rolled back: 1 state write reverted by new events\n");
        assertThat(solo("runs", "rollback", run).errLines()).singleElement().asString().contains("it was rolled back already");
        assertThat(solo("runs", "list", "--status", "rolled_back").out()).contains(run);

        JsonNode kpi = Json.parse(solo("--json", "kpi", "--since", "1d").out(), "kpi");
        assertThat(kpi.path("overall").path("runs").asInt()).isEqualTo(1);
        assertThat(kpi.path("overall").path("rolled_back").asInt()).isEqualTo(1);
        assertThat(kpi.path("overall").path("human_intervention_rate").asDouble()).isEqualTo(1.0);
        assertThat(kpi.path("flows").get(0).path("flow").asString()).isEqualTo("review");
        assertThat(solo("kpi").out()).contains("review").contains("100%");
        assertThat(solo("kpi", "--since", "a while").errLines())
                .containsExactly("solo: --since a while: a duration (7d, 24h) or a time (2030-01-01T00:00:00Z)");
        assertThat(solo("kpi", "--flow", "nope").errLines()).singleElement().asString().startsWith("solo: --flow nope: no such flow");

        String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        JsonNode digest = Json.parse(solo("--json", "digest", "--day", today).out(), "digest");
        assertThat(digest.path("created").asBoolean()).isTrue();
        assertThat(digest.path("text").asString()).contains("1 run started.", "- review: 1 rolled_back");
        assertThat(Json.parse(solo("--json", "digest", "--day", today).out(), "digest").path("created").asBoolean()).isFalse();
        assertThat(solo("digest", "--send").errLines())
                .containsExactly("solo: --send: solo.yaml gives no operator.email to send the digest to");
        assertThat(solo("digest", "--day", "yesterday").errLines()).containsExactly("solo: --day yesterday: a date like 2030-01-31");
    }

    @Test
    void playbooks_are_listed_and_a_broken_one_is_named_with_its_place() throws Exception {
        CliRun ok = solo("playbooks");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("model-provider-down", "retry → retry_on_tier → notify").endsWith("6 playbooks valid\n");

        Files.writeString(company.dir().resolve("playbooks/broken.yaml"), "on: {failure: lunch}\nactions: [cancel]\n");
        CliRun bad = solo("playbooks");
        assertThat(bad.exitCode()).isEqualTo(Cli.REFUSED);
        assertThat(bad.errLines()).singleElement().asString().startsWith("solo: playbooks/broken.yaml:1:15: unknown failure 'lunch'");
    }
}
