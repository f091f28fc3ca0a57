package solo.state.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Event;
import solo.state.Store;
import solo.state.Write;
import solo.state.audit.ChainReport;
import solo.state.audit.HashChain;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;

/** The hash chain of events, and what verification finds when someone tampers with the tables. */
public abstract class AuditContract {
    @RegisterExtension
    final TestCompany company;

    protected AuditContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Store store() {
        return company.store();
    }

    /** Ten events: five leads created, then five updates. */
    private void history() {
        for (int i = 1; i <= 5; i++) {
            store().write(Write.of(Actor.OPERATOR, "lead " + i,
                    new Change.CreateEntity("lead", "lead_" + i, Json.object().put("name", "Lead " + i))));
        }
        for (int i = 1; i <= 5; i++) {
            store().update(Actor.OPERATOR, "score", "lead_" + i, 1, Json.object().put("name", "Lead " + i).put("score", i));
        }
    }

    private void tamper(String sql) {
        store().storage().write(tx -> tx.update(sql));
    }

    @Test
    void each_event_hash_covers_the_event_and_the_previous_hash() {
        history();
        List<Event> events = store().events(0, 100);

        assertThat(events).hasSize(10);
        assertThat(events.getFirst().prevHash()).isEqualTo(HashChain.GENESIS);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).prevHash()).isEqualTo(events.get(i - 1).hash());
        }
        assertThat(store().verify()).isEqualTo(new ChainReport(10, 0, null));
    }

    @Test
    void a_changed_event_is_named_by_verification() {
        history();
        tamper("UPDATE events SET reason = 'nothing to see' WHERE seq = 4");

        ChainReport report = store().verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.firstBrokenSeq()).isEqualTo(4);
        assertThat(report.problem()).contains("does not match its hash");
    }

    @Test
    void a_deleted_event_in_the_middle_is_named_by_verification() {
        history();
        tamper("DELETE FROM events WHERE seq = 6");

        ChainReport report = store().verify();
        assertThat(report.firstBrokenSeq()).isEqualTo(6);
        assertThat(report.problem()).contains("jumps from event 5 to 7");
    }

    @Test
    void deleting_the_newest_events_is_noticed_against_the_chain_head() {
        history();
        tamper("DELETE FROM events WHERE seq >= 9");

        ChainReport report = store().verify();
        assertThat(report.firstBrokenSeq()).isEqualTo(9);
        assertThat(report.problem()).contains("the chain head records event 10 but the log ends at 8");
    }

    @Test
    void a_body_edited_in_the_table_without_an_event_is_noticed() {
        history();
        tamper("UPDATE entities SET body = '{\"name\":\"Lead 3\",\"score\":100}' WHERE id = 'lead_3'");

        ChainReport report = store().verify();
        assertThat(report.ok()).isFalse();
        assertThat(report.problem()).contains("entity lead_3 holds a body that no event recorded");
    }
}
