package solo.state.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Event;
import solo.state.InvalidEntityException;
import solo.state.NotFoundException;
import solo.state.RefusedWriteException;
import solo.state.StaleVersionException;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;
import tools.jackson.databind.node.ObjectNode;

/** Entities and their versions, on every storage. */
public abstract class EntityContract {
    @RegisterExtension
    final TestCompany company;

    protected EntityContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Store store() {
        return company.store();
    }

    static ObjectNode lead(String name) {
        return Json.object().put("name", name).put("email", name.toLowerCase().replace(' ', '.') + "@example.com");
    }

    @Test
    void creating_an_entity_gives_it_an_id_version_one_and_a_creation_event() {
        Entity ada = store().create(Actor.OPERATOR, "met at the fair", "lead", lead("Ada"));

        assertThat(ada.id()).startsWith("lead_");
        assertThat(ada.version()).isEqualTo(1);
        assertThat(store().get(ada.id()).body()).isEqualTo(lead("Ada"));
        Event created = store().history(ada.id()).getFirst();
        assertThat(created.kind()).isEqualTo(Event.ENTITY_CREATED);
        assertThat(created.actor()).isEqualTo(Actor.OPERATOR);
        assertThat(created.reason()).isEqualTo("met at the fair");
        assertThat(created.before()).isNull();
        assertThat(Json.read(created.after())).isEqualTo(lead("Ada"));
    }

    @Test
    void an_update_records_who_why_and_the_body_before_and_after() {
        Entity ada = store().create(Actor.OPERATOR, null, "lead", lead("Ada"));
        Entity scored = store().update(new Actor.Agent("qualifier"), "fits the profile", ada.id(), 1,
                lead("Ada").put("score", 80));

        assertThat(scored.version()).isEqualTo(2);
        Event update = store().history(ada.id()).get(1);
        assertThat(update.kind()).isEqualTo(Event.ENTITY_UPDATED);
        assertThat(update.actor().text()).isEqualTo("agent:qualifier");
        assertThat(update.version()).isEqualTo(2);
        assertThat(Json.read(update.before())).isEqualTo(lead("Ada"));
        assertThat(Json.read(update.after()).get("score").asInt()).isEqualTo(80);
    }

    @Test
    void a_write_that_names_a_stale_version_is_refused_and_writes_nothing() {
        Entity ada = store().create(Actor.OPERATOR, null, "lead", lead("Ada"));
        store().update(Actor.OPERATOR, null, ada.id(), 1, lead("Ada").put("score", 10));
        long events = store().lastSeq();

        assertThatThrownBy(() -> store().update(Actor.OPERATOR, null, ada.id(), 1, lead("Ada").put("score", 99)))
                .isInstanceOf(StaleVersionException.class)
                .hasMessageContaining("is at version 2, not 1");
        assertThat(store().get(ada.id()).body().get("score").asInt()).isEqualTo(10);
        assertThat(store().lastSeq()).isEqualTo(events);
    }

    @Test
    void a_body_that_breaks_the_schema_is_refused_naming_each_field_and_rule() {
        assertThatThrownBy(() -> store().create(Actor.OPERATOR, null, "lead",
                Json.object().put("name", "Ada").put("email", "not-an-email").put("score", 140)))
                .isInstanceOf(InvalidEntityException.class)
                .hasMessageContaining("/email: must be a valid email [format at schema/lead.yaml:")
                .hasMessageContaining("/score: must have a maximum value of 100 [maximum at schema/lead.yaml:");
        assertThat(store().count("lead")).isZero();
        assertThat(store().lastSeq()).isZero();
    }

    @Test
    void an_unknown_field_a_missing_required_field_and_a_non_object_body_are_refused() {
        assertThatThrownBy(() -> store().create(Actor.OPERATOR, null, "lead", lead("Ada").put("shoe_size", 42)))
                .hasMessageContaining("/shoe_size: unknown field");
        assertThatThrownBy(() -> store().create(Actor.OPERATOR, null, "lead", Json.object().put("email", "a@b.co")))
                .hasMessageContaining("/name: required field is missing");
        assertThatThrownBy(() -> store().create(Actor.OPERATOR, null, "lead", Json.mapper().createArrayNode()))
                .hasMessageContaining("the body must be a JSON object");
        assertThat(store().lastSeq()).isZero();
    }

    @Test
    void an_unknown_type_is_refused_listing_the_declared_types() {
        assertThatThrownBy(() -> store().create(Actor.OPERATOR, null, "leed", lead("Ada")))
                .isInstanceOf(RefusedWriteException.class)
                .hasMessage("unknown entity type 'leed': declared types are company, customer, invoice, lead, offer, project, topic");
    }

    @Test
    void an_update_that_changes_nothing_makes_no_new_version() {
        Entity ada = store().create(Actor.OPERATOR, null, "lead", lead("Ada"));
        Entity same = store().update(Actor.OPERATOR, null, ada.id(), 1, lead("Ada"));

        assertThat(same.version()).isEqualTo(1);
        assertThat(store().history(ada.id())).hasSize(1);
    }

    @Test
    void the_changes_of_one_write_are_applied_all_or_not_at_all() {
        Write write = new Write(Actor.OPERATOR, "import", List.of(
                new Change.CreateEntity("lead", "lead_ok", lead("Ok")),
                new Change.CreateEntity("lead", "lead_bad", Json.object().put("name", 7))));

        assertThatThrownBy(() -> store().write(write)).isInstanceOf(InvalidEntityException.class);
        assertThat(store().find("lead_ok")).isEmpty();
        assertThat(store().lastSeq()).isZero();
    }

    @Test
    void a_chosen_id_is_kept_and_a_duplicate_or_malformed_id_is_refused() {
        store().write(Write.of(Actor.OPERATOR, null, new Change.CreateEntity("lead", "lead_ada", lead("Ada"))));

        assertThat(store().get("lead_ada").body().get("name").asString()).isEqualTo("Ada");
        assertThatThrownBy(() -> store().write(Write.of(Actor.OPERATOR, null,
                new Change.CreateEntity("lead", "lead_ada", lead("Again"))))).hasMessage("entity lead_ada already exists");
        assertThatThrownBy(() -> store().write(Write.of(Actor.OPERATOR, null,
                new Change.CreateEntity("lead", "has space", lead("X"))))).hasMessageContaining("id 'has space' must be");
    }

    @Test
    void revert_restores_an_older_body_as_a_new_version() {
        Entity ada = store().create(Actor.OPERATOR, null, "lead", lead("Ada"));
        store().update(Actor.OPERATOR, null, ada.id(), 1, lead("Ada").put("score", 20));
        store().update(Actor.OPERATOR, null, ada.id(), 2, lead("Ada").put("score", 90));

        Entity reverted = store().revert(Actor.OPERATOR, "90 was a typo", ada.id(), 2, 3);

        assertThat(reverted.version()).isEqualTo(4);
        assertThat(reverted.body().get("score").asInt()).isEqualTo(20);
        Event last = store().history(ada.id()).getLast();
        assertThat(last.kind()).isEqualTo(Event.ENTITY_REVERTED);
        assertThat(last.reason()).isEqualTo("90 was a typo");
        assertThatThrownBy(() -> store().revert(Actor.OPERATOR, null, ada.id(), 9, 4))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("has no version 9");
    }

    @Test
    void a_deleted_entity_disappears_from_reads_but_keeps_its_history_and_can_be_restored() {
        Entity ada = store().create(Actor.OPERATOR, null, "lead", lead("Ada"));
        store().write(Write.of(Actor.OPERATOR, "duplicate", new Change.DeleteEntity(ada.id(), 1)));

        assertThat(store().find(ada.id())).isEmpty();
        assertThat(store().history(ada.id())).extracting(Event::kind)
                .containsExactly(Event.ENTITY_CREATED, Event.ENTITY_DELETED);
        assertThatThrownBy(() -> store().update(Actor.OPERATOR, null, ada.id(), 2, lead("Ada")))
                .isInstanceOf(NotFoundException.class);

        Entity back = store().revert(Actor.OPERATOR, "not a duplicate after all", ada.id(), 1, 2);
        assertThat(back.version()).isEqualTo(3);
        assertThat(store().get(ada.id()).body()).isEqualTo(lead("Ada"));
    }

    @Test
    void list_pages_by_id_and_count_counts_live_entities_of_a_type() {
        for (int i = 0; i < 5; i++) {
            store().write(Write.of(Actor.OPERATOR, null, new Change.CreateEntity("lead", "lead_" + i, lead("L" + i))));
        }
        store().create(Actor.OPERATOR, null, "company", Json.object().put("name", "Acme"));

        assertThat(store().list("lead", null, 2)).extracting(Entity::id).containsExactly("lead_0", "lead_1");
        assertThat(store().list("lead", "lead_1", 10)).extracting(Entity::id).containsExactly("lead_2", "lead_3", "lead_4");
        assertThat(store().count("lead")).isEqualTo(5);
        assertThat(store().count(null)).isEqualTo(6);
    }

    @Test
    void history_returns_a_thousand_versions_in_order() {
        Entity e = store().create(Actor.OPERATOR, null, "lead", lead("Many"));
        List<Change> updates = new java.util.ArrayList<>();
        for (int v = 1; v < 1000; v++) {
            updates.add(new Change.UpdateEntity(e.id(), v, lead("Many").put("score", v % 100)));
        }
        store().write(new Write(Actor.OPERATOR, null, updates));

        List<Event> history = store().history(e.id());
        assertThat(history).hasSize(1000);
        assertThat(history).extracting(Event::version).isSorted();
        assertThat(store().get(e.id()).version()).isEqualTo(1000);
    }
}
