package solo.execution.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.RunRef;
import solo.support.Json;
import solo.testing.TestCompany;

/** With no model for a tier (the template's default), the operator is the provider. */
class OperatorTaskTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance();

    AgentOutcome research() {
        var input = Json.parse("{\"entity_id\": \"lead_1\", \"name\": \"Ada Park\"}", "input");
        return company.solo().execution().invoker().invoke(AgentCall.of("researcher", input)
                .withContext("Ada Park, Acme. Met at the fair; wants a redesign.").inRun(new RunRef("run_3", "lead-qualification", "research")));
    }

    @Test
    void an_agent_whose_tier_has_no_model_becomes_an_operator_task_with_prompt_context_and_form() {
        var task = (AgentOutcome.OperatorTask) research();

        assertThat(task.agent()).isEqualTo("researcher");
        assertThat(task.run().runId()).isEqualTo("run_3");
        assertThat(task.prompt()).contains("Research Ada Park").contains("Met at the fair");
        assertThat(task.contextPack()).contains("wants a redesign");
        assertThat(task.form().fields()).extracting(FormField::name).containsExactly("summary", "facts", "gaps", "sources");
        FormField summary = task.form().fields().getFirst();
        assertThat(summary.type()).isEqualTo("string");
        assertThat(summary.required()).isTrue();
        FormField facts = task.form().fields().get(1);
        assertThat(facts.type()).isEqualTo("array");
        assertThat(facts.itemType()).isEqualTo("string");
        assertThat(task.form().fields().get(3).required()).isFalse();
        assertThat(company.solo().execution().ledger().forRun("run_3")).isEmpty();
    }

    @Test
    void the_form_lists_the_allowed_values_of_an_enum() {
        var input = Json.parse("{\"lead\": {\"id\": \"lead_1\", \"name\": \"Ada\"}, \"criteria\": \"x\"}", "input");
        var task = (AgentOutcome.OperatorTask) company.solo().execution().invoker().invoke(AgentCall.of("qualifier", input));

        FormField next = task.form().fields().stream().filter(f -> f.name().equals("next_step")).findFirst().orElseThrow();
        assertThat(next.options()).containsExactly("draft_email", "nurture", "disqualify", "ask_operator");
        FormField score = task.form().fields().getFirst();
        assertThat(score.type()).isEqualTo("integer");
        assertThat(score.minimum()).isEqualTo(0.0);
        assertThat(score.maximum()).isEqualTo(100.0);
    }

    @Test
    void an_answer_that_breaks_the_contract_is_rejected_naming_the_fields() {
        var task = (AgentOutcome.OperatorTask) research();

        var answer = company.solo().execution().invoker().answer(task, Json.parse("{\"facts\": \"one\"}", "answer"));

        var rejected = (OperatorAnswer.Rejected) answer;
        assertThat(rejected.violations()).extracting(v -> v.field()).contains("/summary", "/gaps", "/facts");
    }

    @Test
    void a_valid_answer_completes_the_step_with_the_operators_full_confidence() {
        var task = (AgentOutcome.OperatorTask) research();

        var answer = company.solo().execution().invoker().answer(task, Json.parse("""
                {"summary": "Ada leads design at Acme.", "facts": ["met at the fair"], "gaps": ["budget"]}""", "answer"));

        var done = ((OperatorAnswer.Accepted) answer).outcome();
        assertThat(done.answeredBy()).isEqualTo("operator");
        assertThat(done.confidence().value()).isEqualTo(1.0);
        assertThat(done.output().get("summary").asString()).isEqualTo("Ada leads design at Acme.");
        assertThat(done.output().get("confidence").asDouble()).isEqualTo(1.0);
    }

    @Test
    void an_unknown_agent_is_an_explained_failure() {
        var failed = (AgentOutcome.Failed) company.solo().execution().invoker().invoke(AgentCall.of("nobody", null));

        assertThat(failed.reason()).isEqualTo(FailureReason.UNKNOWN_AGENT);
        assertThat(failed.explanation()).contains("nobody");
    }
}
