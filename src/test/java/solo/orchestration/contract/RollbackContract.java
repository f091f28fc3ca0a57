package solo.orchestration.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.orchestration.Flows;
import solo.orchestration.Orchestrator;
import solo.orchestration.runtime.IllegalTransitionException;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.state.Actor;
import solo.state.Entity;
import solo.state.Event;
import solo.state.RefusedWriteException;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;
import tools.jackson.databind.JsonNode;

/** Rolling a run back on both storages: its state writes reverted by new events, with their provenance kept. */
public abstract class RollbackContract {
    @RegisterExtension
    final TestCompany company;

    protected RollbackContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Orchestrator o() {
        return company.solo().orchestrator();
    }

    Run run(String flow, JsonNode input) {
        Run run = o().runs().start(flow, input, null);
        return o().worker().driveToRest(run.id(), Duration.ofSeconds(5));
    }

    /** A flow that creates a customer, links the existing lead to it and updates the lead. */
    void convertFlow() {
        Flows.write(company.dir(), "convert", """
                input: {required: [lead_id]}
                steps:
                  - id: customer
                    action: entity.create
                    input: {type: customer, body: {name: "Ada Park Ltd"}}
                  - id: link
                    action: entity.link
                    input: {from: "${input.lead_id}", type: became, to: "${steps.customer.output.id}"}
                  - id: mark
                    action: entity.update
                    input: {id: "${input.lead_id}", set: {status: won}}
                  - id: note
                    action: note.add
                    input: {entities: ["${input.lead_id}"], text: "converted"}
                """);
    }

    @Test
    void a_rolled_back_run_leaves_the_entities_as_they_were_and_the_history_shows_both_sides() {
        Entity lead = company.store().create(Actor.OPERATOR, "a new lead", "lead",
                Json.parse("{\"name\": \"Ada Park\", \"email\": \"ada@example.com\", \"status\": \"new\"}", "lead"));
        convertFlow();
        Run run = run("convert", Json.object().put("lead_id", lead.id()));
        assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
        String customer = o().runs().steps(run.id()).getFirst().output().path("id").asString();
        assertThat(company.store().get(lead.id()).body().path("status").asString()).isEqualTo("won");
        assertThat(company.store().links(lead.id())).hasSize(1);

        Run after = o().runs().rollback(run.id(), "wrong lead", Actor.OPERATOR, null);

        assertThat(after.status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThat(after.error()).isEqualTo("rolled back by the operator: wrong lead");
        assertThat(after.finishedAt()).isEqualTo(run.finishedAt());
        Entity now = company.store().get(lead.id());
        assertThat(now.body()).isEqualTo(lead.body());
        assertThat(now.version()).isEqualTo(3);
        assertThat(company.store().find(customer)).isEmpty();
        assertThat(company.store().links(lead.id())).isEmpty();
        assertThat(company.store().artifacts(lead.id(), 10)).isEmpty();

        List<Event> history = company.store().history(lead.id());
        assertThat(history).extracting(Event::kind, e -> e.actor().text()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("entity.created", "operator"),
                org.assertj.core.groups.Tuple.tuple("link.added", "run:" + run.id() + "/step:link"),
                org.assertj.core.groups.Tuple.tuple("entity.updated", "run:" + run.id() + "/step:mark"),
                org.assertj.core.groups.Tuple.tuple("link.removed", "operator"),
                org.assertj.core.groups.Tuple.tuple("entity.reverted", "operator"));
        assertThat(history.getLast().reason()).isEqualTo("rollback of run " + run.id() + ": wrong lead");
        assertThat(company.store().history(customer)).extracting(Event::kind).containsExactly("entity.created", "entity.deleted");
        Event marked = company.store().history(run.id()).getLast();
        assertThat(marked.kind()).isEqualTo("run.rolled_back");
        assertThat(Json.read(marked.after()).path("writes").asInt()).isEqualTo(4);
        assertThat(company.store().verify().ok()).isTrue();
    }

    @Test
    void a_rollback_is_refused_with_nothing_written_when_a_later_write_depends_on_the_runs() {
        Entity lead = company.store().create(Actor.OPERATOR, "a new lead", "lead",
                Json.parse("{\"name\": \"Ada Park\", \"email\": \"ada@example.com\"}", "lead"));
        convertFlow();
        Run run = run("convert", Json.object().put("lead_id", lead.id()));
        Entity won = company.store().get(lead.id());
        company.store().update(Actor.OPERATOR, "their role", lead.id(), won.version(),
                ((tools.jackson.databind.node.ObjectNode) won.body().deepCopy()).put("role", "founder"));
        long events = company.store().lastSeq();

        assertThatThrownBy(() -> o().runs().rollback(run.id(), null, Actor.OPERATOR, null))
                .isInstanceOf(RefusedWriteException.class)
                .hasMessageStartingWith("cannot undo: " + lead.id() + " was changed afterwards (version 3 by operator");
        assertThat(company.store().lastSeq()).isEqualTo(events);
        assertThat(o().runs().get(run.id()).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void only_a_finished_run_can_be_rolled_back_and_only_once() {
        Flows.write(company.dir(), "held", "steps:\n  - id: g\n    gate: \"wait\"\n");
        Run waiting = run("held", null);
        assertThatThrownBy(() -> o().runs().rollback(waiting.id(), null, Actor.OPERATOR, null))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("only a finished run can be rolled back (cancel it first");
        o().runs().cancel(waiting.id(), null);
        assertThat(o().runs().rollback(waiting.id(), null, Actor.OPERATOR, null).status()).isEqualTo(RunStatus.ROLLED_BACK);
        assertThatThrownBy(() -> o().runs().rollback(waiting.id(), null, Actor.OPERATOR, null))
                .hasMessageContaining("it was rolled back already");
        assertThatThrownBy(() -> o().runs().retry(waiting.id())).isInstanceOf(IllegalTransitionException.class);
    }
}
