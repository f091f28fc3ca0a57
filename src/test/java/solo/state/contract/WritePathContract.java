package solo.state.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.StaleVersionException;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;

/** The group-committed write path: concurrent writers share commits but never each other's failures. */
public abstract class WritePathContract {
    @RegisterExtension
    final TestCompany company;

    protected WritePathContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Store store() {
        return company.store();
    }

    @Test
    void concurrent_writers_each_get_their_own_outcome_and_the_chain_stays_whole() throws Exception {
        List<Entity> leads = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            leads.add(store().create(Actor.OPERATOR, null, "lead", Json.object().put("name", "L" + i)));
        }
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            Entity mine = leads.get(t);
            boolean saboteur = t % 4 == 0;
            threads.add(Thread.ofVirtual().start(() -> {
                Entity e = mine;
                for (int n = 0; n < 50; n++) {
                    try {
                        // a saboteur names a wrong version every other time: only its own write must fail
                        long version = saboteur && n % 2 == 1 ? e.version() - 1 : e.version();
                        e = store().update(Actor.OPERATOR, null, e.id(), version,
                                Json.object().put("name", e.body().get("name").asString()).put("score", n));
                    } catch (StaleVersionException expected) {
                        failures.add(expected);
                    } catch (Throwable other) {
                        failures.add(other);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }

        assertThat(failures).allMatch(f -> f instanceof StaleVersionException).hasSize(4 * 25);
        for (int t = 0; t < 16; t++) {
            long expected = t % 4 == 0 ? 1 + 25 : 1 + 50;
            assertThat(store().get(leads.get(t).id()).version()).isEqualTo(expected);
            assertThat(store().history(leads.get(t).id())).hasSize((int) expected);
        }
        assertThat(store().verify().ok()).isTrue();
    }

    @Test
    void work_that_throws_after_applying_a_write_rolls_the_write_back_too() {
        Write write = Write.of(Actor.OPERATOR, null, new Change.CreateEntity("lead", "lead_x", Json.object().put("name", "X")));

        assertThatThrownBy(() -> store().storage().write(tx -> {
            store().apply(tx, write);
            throw new IllegalStateException("the step's checkpoint failed");
        })).hasMessage("the step's checkpoint failed");

        assertThat(store().find("lead_x")).isEmpty();
        assertThat(store().lastSeq()).isZero();
    }

    @Test
    void a_write_applied_inside_other_work_commits_with_it() {
        Write write = Write.of(Actor.OPERATOR, null, new Change.CreateEntity("lead", "lead_y", Json.object().put("name", "Y")));

        Entity created = store().storage().write(tx -> store().apply(tx, write).entity());

        assertThat(store().get("lead_y")).isEqualTo(created);
        assertThat(store().verify().ok()).isTrue();
    }

    @Test
    void asynchronous_writes_complete_after_their_commit() {
        List<CompletableFuture<Entity>> futures = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int n = i;
            futures.add(store().storage().writeAsync(tx -> store().apply(tx, Write.of(Actor.OPERATOR, null,
                    new Change.CreateEntity("lead", null, Json.object().put("name", "A" + n)))).entity()));
        }
        futures.forEach(CompletableFuture::join);
        assertThat(store().count("lead")).isEqualTo(100);
        assertThat(store().lastSeq()).isEqualTo(100);
    }
}
