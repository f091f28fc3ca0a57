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
import solo.state.StateException;
import solo.state.Store;
import solo.state.Undo;
import solo.state.Write;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;
import tools.jackson.databind.node.ObjectNode;

/** Undoing the state writes of one run with new events, and refusing when a later write depends on them. */
public abstract class UndoContract {
    @RegisterExtension
    final TestCompany company;

    protected UndoContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Store store() {
        return company.store();
    }

    private static final Actor STEP_1 = new Actor.Step("run_1", "research");
    private static final Actor STEP_2 = new Actor.Step("run_1", "score");

    private static ObjectNode ben(int score) {
        return Json.object().put("name", "Ben").put("score", score);
    }

    /** Before the run: Ben (v1) and Acme. The run: creates Ada, links her to Acme, notes her, scores Ben twice. */
    private void runWrites() {
        store().write(new Write(Actor.OPERATOR, "before", List.of(
                new Change.CreateEntity("lead", "ben", ben(10)),
                new Change.CreateEntity("company", "acme", Json.object().put("name", "Acme")))));
        store().write(new Write(STEP_1, "research", List.of(
                new Change.CreateEntity("lead", "ada", Json.object().put("name", "Ada")),
                new Change.AddLink("ada", "works_at", "acme"),
                new Change.AddArtifact("note_ada", "note", "Research", "Ada runs product at Acme", null, null, null,
                        null, List.of("ada")))));
        store().update(STEP_2, "score", "ben", 1, ben(50));
        store().update(STEP_2, "score again", "ben", 2, ben(60));
    }

    @Test
    void a_run_s_writes_are_found_by_its_id_and_undone_by_new_events() {
        runWrites();
        List<Event> mine = store().eventsOfRun("run_1");
        assertThat(mine).extracting(Event::kind).containsExactly(Event.ENTITY_CREATED, Event.LINK_ADDED,
                Event.ARTIFACT_ADDED, Event.ENTITY_UPDATED, Event.ENTITY_UPDATED);

        store().write(new Write(Actor.OPERATOR, "rollback of run_1", Undo.plan(store(), mine)));

        assertThat(store().find("ada")).isEmpty();
        assertThat(store().get("ben").body()).isEqualTo(ben(10));
        assertThat(store().links("acme")).isEmpty();
        assertThat(store().artifact("note_ada").orElseThrow().deleted()).isTrue();
        assertThat(store().history("ben")).extracting(e -> e.actor().text() + " " + e.kind()).containsExactly(
                "operator entity.created", "run:run_1/step:score entity.updated", "run:run_1/step:score entity.updated",
                "operator entity.reverted");
        assertThat(store().verify().ok()).isTrue();
    }

    @Test
    void an_undo_is_refused_naming_the_later_write_that_depends_on_the_run() {
        runWrites();
        store().update(Actor.OPERATOR, "my own tweak", "ben", 3, ben(61));
        long before = store().lastSeq();

        assertThatThrownBy(() -> Undo.plan(store(), store().eventsOfRun("run_1")))
                .isInstanceOf(RefusedWriteException.class)
                .hasMessageContaining("ben was changed afterwards (version 4 by operator");
        assertThat(store().lastSeq()).isEqualTo(before);
    }

    @Test
    void an_entity_the_run_created_and_someone_linked_to_since_cannot_be_undone() {
        runWrites();
        store().write(Write.of(Actor.OPERATOR, null, new Change.CreateEntity("offer", "offer_1", Json.object()
                .put("title", "Pilot").put("amount", 1000).put("currency", "EUR").put("status", "draft"))));
        store().link(Actor.OPERATOR, "offer for Ada", "offer_1", "for_lead", "ada");
        long before = store().lastSeq();

        List<Change> plan = Undo.plan(store(), store().eventsOfRun("run_1"));
        assertThatThrownBy(() -> store().write(new Write(Actor.OPERATOR, "rollback", plan)))
                .isInstanceOf(StateException.class).hasMessageContaining("ada still has 1 link(s)");
        assertThat(store().lastSeq()).isEqualTo(before);
        assertThat(store().find("ada")).isPresent();
    }

    @Test
    void an_artifact_the_run_attached_to_an_entity_is_detached_and_kept() {
        store().write(new Write(Actor.OPERATOR, "before", List.of(
                new Change.CreateEntity("lead", "ada", Json.object().put("name", "Ada")),
                new Change.AddArtifact("email_1", "email", "Hello", "Hi, it is Ada", null, null, null, null, List.of()))));
        store().write(Write.of(STEP_1, "keep her email", new Change.AttachArtifact("email_1", List.of("ada"))));

        store().write(new Write(Actor.OPERATOR, "rollback of run_1", Undo.plan(store(), store().eventsOfRun("run_1"))));

        assertThat(store().artifacts("ada", 10)).isEmpty();
        assertThat(store().artifact("email_1").orElseThrow().deleted()).as("it existed before the run").isFalse();
        assertThat(store().verify().ok()).isTrue();
    }
}
