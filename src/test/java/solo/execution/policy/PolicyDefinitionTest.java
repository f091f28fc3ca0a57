package solo.execution.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.Definitions;
import solo.support.yaml.YamlException;
import solo.testing.TestCompany;

/** A policy file that breaks a rule is refused with file:line:column, before anything runs. */
class PolicyDefinitionTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();

    void policy(String when, String effect) {
        Definitions.write(company, "policies/custom.yaml", """
                description: a test policy
                vars: {limit: 3}
                rules:
                  - name: custom
                    when: %s
                    effect: %s
                    reason: because
                """.formatted(when, effect));
    }

    String error() {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> Definitions.load(company));
        assertThat(t).isInstanceOf(YamlException.class);
        return t.getMessage();
    }

    @Test
    void the_shipped_policies_load() {
        assertThat(Definitions.load(company).policies()).extracting(Policy::name)
                .containsExactly("discount-cap", "email-daily-cap", "invoice-once", "opted-out");
    }

    @Test
    void invalid_cel_is_refused_with_file_line_and_column() {
        policy("\"action.type == 'send_email' &&\"", "deny");

        assertThat(error()).startsWith("policies/custom.yaml:5:11: rule custom: invalid CEL at line 1, column");
    }

    @Test
    void an_unknown_variable_is_refused() {
        policy("\"acton.type == 'send_email'\"", "deny");

        assertThat(error()).contains("policies/custom.yaml:5:11").contains("undeclared reference to 'acton'");
    }

    @Test
    void an_unknown_field_of_the_action_is_refused() {
        policy("\"action.typ == 'send_email'\"", "deny");

        assertThat(error()).contains("policies/custom.yaml:5:11").contains("action.typ: unknown field 'typ'");
    }

    @Test
    void a_body_field_no_entity_type_declares_is_refused_inside_a_macro_too() {
        policy("\"targets.exists(t, t.body.opted_ot == true)\"", "deny");

        assertThat(error()).contains("t.body.opted_ot").contains("no entity type declares");
    }

    @Test
    void an_undeclared_var_or_action_type_is_refused() {
        policy("\"size(action.targets) > vars.limt\"", "deny");
        assertThat(error()).contains("vars.limt: unknown field 'limt'");

        policy("\"today.send_emails > 3\"", "deny");
        assertThat(error()).contains("today.send_emails: unknown field");
    }

    @Test
    void a_condition_that_is_not_a_bool_is_refused() {
        policy("\"size(action.targets)\"", "deny");

        assertThat(error()).contains("policies/custom.yaml:5:11").contains("invalid CEL");
    }

    @Test
    void an_unknown_effect_is_refused() {
        policy("\"true\"", "block");

        assertThat(error()).startsWith("policies/custom.yaml:6:13: effect must be deny, require_approval or allow");
    }

    @Test
    void an_unknown_field_in_a_rule_is_refused() {
        Definitions.write(company, "policies/custom.yaml", """
                rules:
                  - name: custom
                    when: "true"
                    efect: deny
                """);

        assertThatThrownBy(() -> Definitions.load(company)).hasMessageStartingWith("policies/custom.yaml:4:12: unknown field 'efect'");
    }
}
