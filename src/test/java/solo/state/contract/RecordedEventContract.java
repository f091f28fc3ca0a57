package solo.state.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Event;
import solo.state.RefusedWriteException;
import solo.state.Store;
import solo.state.Undo;
import solo.state.Write;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;

/** Events that record something besides a change of an entity, a link or an artifact (an operator's decision). */
public abstract class RecordedEventContract {
    @RegisterExtension
    final TestCompany company;

    protected RecordedEventContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Store store() {
        return company.store();
    }

    @Test
    void a_recorded_event_joins_the_hash_chain_and_the_history_of_its_subject() {
        var entity = store().create(Actor.OPERATOR, "first", "lead", Json.object().put("name", "Ada"));
        store().write(Write.of(Actor.OPERATOR, "looks right", new Change.RecordEvent("inbox.approved", "run_1", "run",
                Json.object().put("step", "review"))));

        List<Event> history = store().history("run_1");
        assertThat(history).hasSize(1);
        Event e = history.getFirst();
        assertThat(e.kind()).isEqualTo("inbox.approved");
        assertThat(e.actor()).isEqualTo(Actor.OPERATOR);
        assertThat(e.reason()).isEqualTo("looks right");
        assertThat(e.subjectType()).isEqualTo("run");
        assertThat(Json.read(e.after()).path("step").asString()).isEqualTo("review");
        assertThat(e.isEntityVersion()).isFalse();
        assertThat(store().verify().ok()).isTrue();
        assertThat(store().get(entity.id()).version()).isEqualTo(1);
    }

    @Test
    void an_undo_leaves_recorded_events_alone() {
        Actor step = new Actor.Step("run_7", "decide");
        store().write(Write.of(step, "noted", new Change.RecordEvent("run.noted", "run_7", "run", null)));
        assertThat(Undo.plan(store(), store().eventsOfRun("run_7"))).isEmpty();
    }

    @Test
    void a_kind_that_is_malformed_or_belongs_to_the_state_is_refused_with_nothing_written() {
        long before = store().lastSeq();
        assertThatThrownBy(() -> record("entity.created", Json.object())).isInstanceOf(RefusedWriteException.class)
                .hasMessage("event kind 'entity.created' is reserved: entity events are written by the state's own changes");
        assertThatThrownBy(() -> record("Approved", Json.object())).isInstanceOf(RefusedWriteException.class)
                .hasMessageContaining("must be lower-case words joined by dots");
        assertThatThrownBy(() -> store().write(Write.of(Actor.OPERATOR, null, new Change.RecordEvent("inbox.approved", "run_1",
                "run", Json.mapper().createArrayNode())))).hasMessage("event data must be a JSON object");
        assertThatThrownBy(() -> store().write(Write.of(Actor.OPERATOR, null, new Change.RecordEvent("inbox.approved",
                "run 1; drop", "run", null)))).hasMessageContaining("event subject 'run 1; drop' must be an id");
        assertThat(store().lastSeq()).isEqualTo(before);
    }

    private void record(String kind, tools.jackson.databind.JsonNode data) {
        store().write(Write.of(Actor.OPERATOR, null, new Change.RecordEvent(kind, "run_1", "run", data)));
    }
}
