package solo.execution.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.RunRef;
import solo.execution.action.ProposedAction;
import solo.state.Actor;
import solo.support.Json;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** The policies shipped in the template, each where it should deny or ask and where it should allow. */
class ShippedPoliciesTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance();
    String ada;
    String olly;
    String oldCustomer;
    String draftInvoice;
    String sentInvoice;
    final RunRef run = new RunRef("run_9", "invoice-follow-up", "send");

    @BeforeEach
    void entities() {
        ada = create("lead", "{\"name\": \"Ada Park\", \"email\": \"ada@acme.com\"}");
        olly = create("lead", "{\"name\": \"Olly Out\", \"email\": \"olly@acme.com\", \"opted_out\": true}");
        oldCustomer = create("customer", "{\"name\": \"Old Co\", \"opted_out\": true}");
        draftInvoice = create("invoice", "{\"number\": \"2024-7\", \"amount\": 900, \"currency\": \"EUR\", \"status\": \"draft\", \"due\": \"2025-01-31\"}");
        sentInvoice = create("invoice", "{\"number\": \"2024-6\", \"amount\": 900, \"currency\": \"EUR\", \"status\": \"sent\", \"due\": \"2025-01-31\"}");
    }

    String create(String type, String body) {
        return company.store().create(Actor.OPERATOR, null, type, Json.parse(body, "body")).id();
    }

    static ProposedAction action(String type, List<String> targets, String params) {
        JsonNode p = Json.parse(params, "params");
        return new ProposedAction(type, targets, p, "scripted", "copywriter", new Actor.Step("run_9", "send"));
    }

    Decision check(ProposedAction action) {
        return check(action, ActionHistory.NONE);
    }

    Decision check(ProposedAction action, ActionHistory history) {
        return company.solo().execution().policies().check(action, PolicyContext.of(run, history));
    }

    @Test
    void an_email_to_a_lead_who_opted_out_is_denied_naming_the_rule_and_the_agent() {
        Decision d = check(action("send_email", List.of(olly), "{\"subject\": \"Hi\"}"));

        assertThat(d).isInstanceOf(Decision.Deny.class);
        assertThat(d.rules()).singleElement().satisfies(r -> {
            assertThat(r.policy()).isEqualTo("opted-out");
            assertThat(r.rule()).isEqualTo("recipient_opted_out");
            assertThat(r.where()).startsWith("policies/opted-out.yaml:");
        });
        assertThat(d.explanation()).contains("agent copywriter (run:run_9/step:send)").contains("denied");
    }

    @Test
    void an_email_to_a_customer_who_opted_out_is_denied_even_among_others() {
        assertThat(check(action("send_email", List.of(ada, oldCustomer), "{}"))).isInstanceOf(Decision.Deny.class);
    }

    @Test
    void an_email_to_a_lead_who_did_not_opt_out_is_allowed() {
        Decision d = check(action("send_email", List.of(ada), "{\"subject\": \"Hi\"}"));

        assertThat(d).isInstanceOf(Decision.Allow.class);
        assertThat(d.explanation()).contains("allowed");
    }

    @Test
    void an_email_without_known_recipients_is_denied() {
        assertThat(check(action("send_email", List.of(), "{\"to\": \"everyone@list.example\"}")).rules())
                .extracting(RuleMatch::rule).containsExactly("recipient_unknown");
        assertThat(check(action("send_email", List.of("lead_doesnotexist"), "{}"))).isInstanceOf(Decision.Deny.class);
    }

    @Test
    void a_discount_above_fifteen_percent_requires_approval() {
        Decision d = check(action("send_offer", List.of(ada), "{\"discount_percent\": 20}"));

        assertThat(d).isInstanceOf(Decision.RequireApproval.class);
        assertThat(d.rules()).singleElement().satisfies(r -> {
            assertThat(r.rule()).isEqualTo("discount_above_cap");
            assertThat(r.reason()).isEqualTo("a discount of 20% is above 15%");
        });
        assertThat(check(action("send_offer", List.of(ada), "{\"discount_percent\": 15.5}"))).isInstanceOf(Decision.RequireApproval.class);
    }

    @Test
    void a_discount_of_fifteen_percent_or_none_is_allowed() {
        assertThat(check(action("send_offer", List.of(ada), "{\"discount_percent\": 15}"))).isInstanceOf(Decision.Allow.class);
        assertThat(check(action("send_offer", List.of(ada), "{}"))).isInstanceOf(Decision.Allow.class);
    }

    @Test
    void a_discount_that_cannot_be_read_as_a_number_fails_closed_to_approval() {
        Decision d = check(action("send_offer", List.of(ada), "{\"discount_percent\": \"ninety\"}"));

        assertThat(d).isInstanceOf(Decision.RequireApproval.class);
        assertThat(d.rules().getFirst().reason()).contains("could not be evaluated");
    }

    @Test
    void emails_beyond_the_daily_cap_are_denied() {
        ActionHistory fifty = ActionHistory.of(Map.of("send_email", 50L), Map.of());
        ActionHistory fortyNine = ActionHistory.of(Map.of("send_email", 49L), Map.of());

        Decision over = check(action("send_email", List.of(ada), "{}"), fifty);
        assertThat(over).isInstanceOf(Decision.Deny.class);
        assertThat(over.rules().getFirst().reason()).isEqualTo("at most 50 outbound emails a day (50 sent today)");
        assertThat(check(action("send_email", List.of(ada), "{}"), fortyNine)).isInstanceOf(Decision.Allow.class);
        String bob = create("lead", "{\"name\": \"Bob\"}");
        assertThat(check(action("send_email", List.of(ada, bob), "{}"), fortyNine)).isInstanceOf(Decision.Deny.class);
    }

    @Test
    void an_email_to_many_recipients_at_once_requires_approval() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            many.add(create("lead", "{\"name\": \"Lead " + i + "\"}"));
        }
        Decision d = check(action("send_email", many, "{}"));

        assertThat(d).isInstanceOf(Decision.RequireApproval.class);
        assertThat(d.rules()).extracting(RuleMatch::rule).containsExactly("many_recipients");
    }

    @Test
    void an_invoice_is_sent_once_and_never_twice() {
        assertThat(check(action("send_invoice", List.of(draftInvoice), "{}"))).isInstanceOf(Decision.Allow.class);
        assertThat(check(action("send_invoice", List.of(sentInvoice), "{}")).rules())
                .extracting(RuleMatch::rule).containsExactly("invoice_already_sent");
        ActionHistory sentBefore = ActionHistory.of(Map.of(), Map.of("send_invoice " + draftInvoice, 1L));
        assertThat(check(action("send_invoice", List.of(draftInvoice), "{}"), sentBefore)).isInstanceOf(Decision.Deny.class);
    }

    @Test
    void send_invoice_must_target_exactly_one_invoice() {
        assertThat(check(action("send_invoice", List.of(ada), "{}")).rules()).extracting(RuleMatch::rule).contains("one_invoice");
        assertThat(check(action("send_invoice", List.of(draftInvoice, sentInvoice), "{}"))).isInstanceOf(Decision.Deny.class);
    }

    @Test
    void an_action_type_solo_does_not_know_is_denied() {
        Decision d = check(action("wire_money", List.of(ada), "{}"));

        assertThat(d).isInstanceOf(Decision.Deny.class);
        assertThat(d.explanation()).contains("unknown action type 'wire_money'");
    }

    @Test
    void the_same_rules_apply_whoever_proposes() {
        var byOperator = new ProposedAction("send_email", List.of(olly), null, "by hand", "operator", Actor.OPERATOR);

        Decision d = check(byOperator);

        assertThat(d).isInstanceOf(Decision.Deny.class);
        assertThat(d.explanation()).contains("proposed by operator denied");
    }
}
