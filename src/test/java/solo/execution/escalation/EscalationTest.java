package solo.execution.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.Definitions;
import solo.execution.action.Impact;
import solo.execution.action.ProposedAction;
import solo.state.Actor;
import solo.testing.TestCompany;

/** The runtime inserts a gate when confidence is below the threshold of the action's business impact. */
class EscalationTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();

    static ProposedAction action(String type) {
        return new ProposedAction(type, List.of("lead_1"), null, null, "copywriter", new Actor.Agent("copywriter"));
    }

    @Test
    void an_email_needs_the_threshold_of_its_highest_impact() {
        Escalation e = Definitions.load(company).escalation();

        GateCheck low = e.needsGate(action("send_email"), 0.8);
        GateCheck high = e.needsGate(action("send_email"), 0.9);

        assertThat(low.needed()).isTrue();
        assertThat(low.threshold()).isEqualTo(0.85); // irreversible beats customer_visible (0.7)
        assertThat(low.impacts()).containsExactlyInAnyOrder(Impact.CUSTOMER_VISIBLE, Impact.IRREVERSIBLE);
        assertThat(low.reason()).isEqualTo("confidence 0.80 is below 0.85, the threshold for send_email (customer_visible, irreversible)");
        assertThat(high.needed()).isFalse();
    }

    @Test
    void an_action_without_impact_proceeds_at_any_confidence() {
        assertThat(Definitions.load(company).escalation().needsGate(action("write_entity"), 0.1).needed()).isFalse();
    }

    @Test
    void an_unknown_action_type_always_goes_to_the_operator() {
        GateCheck g = Definitions.load(company).escalation().needsGate(action("wire_money"), 1.0);

        assertThat(g.needed()).isTrue();
        assertThat(g.reason()).contains("unknown action type");
    }

    @Test
    void the_company_sets_thresholds_and_declares_its_own_action_types() {
        String yaml = company.dir().resolve("solo.yaml").toString();
        Definitions.write(company, "solo.yaml", readWithout(yaml) + """
                escalation:
                  thresholds: {money: 0.95, customer_visible: 0.5}
                  actions:
                    publish_post: [customer_visible]
                    send_email: [customer_visible]
                """);
        Escalation e = Definitions.load(company).escalation();

        assertThat(e.needsGate(action("publish_post"), 0.6).needed()).isFalse();
        assertThat(e.needsGate(action("send_email"), 0.6).needed()).isFalse();
        assertThat(e.threshold("send_offer")).isEqualTo(0.95);
    }

    @Test
    void an_unknown_impact_is_refused_with_its_place() {
        String yaml = company.dir().resolve("solo.yaml").toString();
        Definitions.write(company, "solo.yaml", readWithout(yaml) + """
                escalation:
                  actions:
                    publish_post: [customer_visible, viral]
                """);

        assertThatThrownBy(() -> Definitions.load(company)).hasMessageContaining("solo.yaml:")
                .hasMessageContaining("unknown impact 'viral'");
    }

    /** The template's solo.yaml without its escalation section (a test writes its own). */
    static String readWithout(String file) {
        try {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(file));
            return text.substring(0, text.indexOf("escalation:"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
