package solo.state.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Event;
import solo.state.Link;
import solo.state.Neighbour;
import solo.state.NotFoundException;
import solo.state.RefusedWriteException;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;

/** Links and the operational graph, on every storage. */
public abstract class LinkContract {
    @RegisterExtension
    final TestCompany company;

    protected LinkContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Store store() {
        return company.store();
    }

    private void graph() {
        store().write(new Write(Actor.OPERATOR, "setup", List.of(
                new Change.CreateEntity("company", "acme", Json.object().put("name", "Acme")),
                new Change.CreateEntity("lead", "ada", Json.object().put("name", "Ada")),
                new Change.CreateEntity("customer", "cust", Json.object().put("name", "Acme design")),
                new Change.CreateEntity("project", "proj", Json.object().put("name", "Fleet").put("status", "active")),
                new Change.AddLink("ada", "works_at", "acme"),
                new Change.AddLink("cust", "works_at", "acme"),
                new Change.AddLink("proj", "for_customer", "cust"))));
    }

    @Test
    void a_link_is_recorded_as_an_event_of_its_source_and_adding_it_twice_changes_nothing() {
        graph();
        long seq = store().lastSeq();
        store().link(Actor.OPERATOR, null, "ada", "works_at", "acme");

        assertThat(store().lastSeq()).isEqualTo(seq);
        Event added = store().history("ada").getLast();
        assertThat(added.kind()).isEqualTo(Event.LINK_ADDED);
        assertThat(added.subjectType()).isEqualTo("works_at");
        assertThat(added.object()).isEqualTo("acme");
        assertThat(store().links("acme")).extracting(Link::from).containsExactly("ada", "cust");
    }

    @Test
    void neighbours_are_found_in_both_directions_up_to_the_depth_nearest_first() {
        graph();

        List<Neighbour> one = store().neighbours("ada", 1);
        assertThat(one).extracting(n -> n.entity().id()).containsExactly("acme");
        assertThat(one.getFirst().outgoing()).isTrue();

        List<Neighbour> three = store().neighbours("ada", 3);
        assertThat(three).extracting(n -> n.entity().id() + "@" + n.depth()).containsExactly("acme@1", "cust@2", "proj@3");
        assertThat(three.get(2).outgoing()).isFalse();
        assertThat(three.get(2).via().type()).isEqualTo("for_customer");
    }

    @Test
    void an_undeclared_link_type_or_a_type_pair_it_does_not_allow_is_refused() {
        graph();
        assertThatThrownBy(() -> store().link(Actor.OPERATOR, null, "ada", "employs", "acme"))
                .isInstanceOf(RefusedWriteException.class).hasMessageContaining("unknown link type 'employs'");
        assertThatThrownBy(() -> store().link(Actor.OPERATOR, null, "proj", "works_at", "acme"))
                .isInstanceOf(RefusedWriteException.class)
                .hasMessage("link type works_at goes from customer|lead to company, not from project to company (schema/links.yaml)");
    }

    @Test
    void a_link_to_a_missing_entity_or_to_itself_is_refused_and_writes_nothing() {
        graph();
        long seq = store().lastSeq();
        assertThatThrownBy(() -> store().link(Actor.OPERATOR, null, "ada", "works_at", "nobody"))
                .isInstanceOf(NotFoundException.class).hasMessage("link target nobody does not exist");
        assertThatThrownBy(() -> store().link(Actor.OPERATOR, null, "ada", "related_to", "ada"))
                .hasMessageContaining("cannot link to itself");
        assertThat(store().lastSeq()).isEqualTo(seq);
    }

    @Test
    void unlinking_removes_the_edge_with_an_event_and_a_missing_link_is_reported() {
        graph();
        store().unlink(Actor.OPERATOR, "wrong company", "ada", "works_at", "acme");

        assertThat(store().neighbours("ada", 1)).isEmpty();
        assertThat(store().history("ada").getLast().kind()).isEqualTo(Event.LINK_REMOVED);
        assertThatThrownBy(() -> store().unlink(Actor.OPERATOR, null, "ada", "works_at", "acme"))
                .isInstanceOf(NotFoundException.class).hasMessage("no link ada -works_at-> acme");
    }

    @Test
    void an_entity_with_links_cannot_be_deleted_until_they_are_removed() {
        graph();
        assertThatThrownBy(() -> store().write(Write.of(Actor.OPERATOR, null, new Change.DeleteEntity("ada", 1))))
                .hasMessage("ada still has 1 link(s): unlink them first");
        store().unlink(Actor.OPERATOR, null, "ada", "works_at", "acme");
        store().write(Write.of(Actor.OPERATOR, null, new Change.DeleteEntity("ada", 1)));
        assertThat(store().find("ada")).isEmpty();
    }
}
