package solo.memory.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.app.Solo;
import solo.memory.HashingEmbedder;
import solo.memory.Memory;
import solo.memory.MemoryQuery;
import solo.memory.pack.ContextPackResult;
import solo.memory.pack.Tokens;
import solo.memory.retention.Retention;
import solo.memory.retrieval.Hit;
import solo.memory.retrieval.SearchFilter;
import solo.memory.summary.Summaries;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Event;
import solo.state.NotFoundException;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;
import tools.jackson.databind.node.ObjectNode;

/** Memory over the store, on every storage: following the log, scopes, rebuild, packs, summaries, retention. */
public abstract class MemoryContract {
    /** A clock the retention tests move forward. */
    static final class MovableClock extends Clock {
        Instant now = Instant.parse("2024-06-01T09:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();

    @RegisterExtension
    final TestCompany company;

    protected MemoryContract(Database database) {
        company = TestCompany.instance().withDatabase(database).withClock(clock)
                .withSolo(b -> b.withMemoryEmbedder(new HashingEmbedder()));
    }

    Store store() {
        return company.store();
    }

    Memory memory() {
        return company.solo().memory();
    }

    void entities() {
        store().write(new Write(Actor.OPERATOR, null, List.of(
                new Change.CreateEntity("company", "acme", Json.object().put("name", "Acme")),
                new Change.CreateEntity("lead", "ada", Json.object().put("name", "Ada Lovelace").put("status", "new")),
                new Change.CreateEntity("lead", "bob", Json.object().put("name", "Bob Stone").put("status", "new")),
                new Change.CreateEntity("project", "site", Json.object().put("name", "Website").put("status", "active")
                        .put("phase", "discovery")))));
        store().link(Actor.OPERATOR, null, "ada", "works_at", "acme");
    }

    Artifact note(String id, String entity, String kind, String author, String thread, String text) {
        ObjectNode m = Json.object().put("author", author);
        if (thread != null) {
            m.put("thread", thread);
        }
        return store().write(Write.of(Actor.OPERATOR, "note", new Change.AddArtifact(id, kind, null, text, null, "text/plain",
                null, m, List.of(entity)))).artifact();
    }

    void corpus() {
        entities();
        note("n1", "ada", "note", "Ana", null, "Ada asked about the invoice overdue since March and a payment reminder.");
        note("n2", "ada", "email", "Ada", "t1", "Can we get a discount on the pricing proposal for the website?");
        note("n3", "ada", "email", "Ana", "t1", "Yes, ten percent off the pricing proposal if signed this week.");
        note("n4", "ada", "email", "Ada", "t1", "Great, the third option then. Invoice to Acme please.");
        note("n5", "bob", "note", "Ana", null, "Bob reported a login error on the support portal; invoice overdue too.");
        note("n6", "acme", "document", "Cleo", null, "Acme contract renewal terms: invoice overdue penalties of two percent.");
        note("n7", "site", "note", "Ana", null, "Website kickoff meeting notes: discovery workshop next Monday.");
    }

    static List<String> ids(List<Hit> hits) {
        return hits.stream().map(h -> h.chunk().id() + "@" + Math.round(h.score() * 1e6)).toList();
    }

    /**
     * Two rankings are the same: the same chunks in the same order, each score within a millionth. BM25's statistics
     * count deleted documents until their segment merges, so a live index and its rebuild may differ in a score's
     * last float digit, never in the order.
     */
    static void assertSameRankings(List<List<String>> actual, List<List<String>> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).stream().map(x -> x.substring(0, x.indexOf('@'))).toList()).as("ranking %d", i)
                    .isEqualTo(expected.get(i).stream().map(x -> x.substring(0, x.indexOf('@'))).toList());
            for (int j = 0; j < expected.get(i).size(); j++) {
                long a = Long.parseLong(actual.get(i).get(j).substring(actual.get(i).get(j).indexOf('@') + 1));
                long e = Long.parseLong(expected.get(i).get(j).substring(expected.get(i).get(j).indexOf('@') + 1));
                assertThat(Math.abs(a - e)).as("score of %s", expected.get(i).get(j)).isLessThanOrEqualTo(2);
            }
        }
    }

    static List<String> sources(List<Hit> hits) {
        return hits.stream().map(h -> h.chunk().sourceId()).distinct().toList();
    }

    // ---- the index follows the store ----------------------------------------------------------

    @Test
    void what_was_written_is_found_at_once_and_entities_are_searchable_too() {
        corpus();
        assertThat(sources(memory().search(MemoryQuery.company("discount pricing proposal", 3)))).contains("n2", "n3");
        assertThat(sources(memory().search(MemoryQuery.company("Bob Stone", 3)))).first().isEqualTo("bob");
        assertThat(memory().follower().position()).isEqualTo(store().lastSeq());
        assertThat(memory().cursors().get(memory().follower().cursorName())).contains(store().lastSeq());
    }

    @Test
    void a_query_in_one_scope_never_returns_another_scopes_documents() {
        corpus();
        for (String q : List.of("invoice overdue", "pricing proposal discount", "login error", "renewal terms", "website")) {
            assertThat(memory().search(MemoryQuery.entity(q, "bob", 0, 50)))
                    .allSatisfy(h -> assertThat(h.chunk().entityIds()).contains("bob"));
            assertThat(memory().search(MemoryQuery.entity(q, "ada", 0, 50)))
                    .allSatisfy(h -> assertThat(h.chunk().entityIds()).contains("ada"));
            // ada and her neighbours: acme (works_at), never bob nor the project
            assertThat(memory().search(MemoryQuery.entity(q, "ada", 1, 50)))
                    .allSatisfy(h -> assertThat(h.chunk().entityIds()).containsAnyOf("ada", "acme"));
        }
        assertThat(sources(memory().search(MemoryQuery.entity("invoice overdue", "ada", 1, 50)))).contains("n6", "n1")
                .doesNotContain("n5");
        assertThat(sources(memory().search(MemoryQuery.company("invoice overdue", 50)))).contains("n1", "n5", "n6");
        assertThatThrownBy(() -> memory().search(MemoryQuery.entity("x", "nobody", 0, 5))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void metadata_filters_narrow_a_search_by_kind_author_and_time() {
        corpus();
        var emails = new MemoryQuery("invoice", null, 0, new SearchFilter(Set.of("email"), Set.of(), null, null), 20);
        assertThat(memory().search(emails)).isNotEmpty().allSatisfy(h -> assertThat(h.chunk().kind()).isEqualTo("email"));
        var byAna = new MemoryQuery("invoice", null, 0, new SearchFilter(Set.of(), Set.of("Ana"), null, null), 20);
        assertThat(memory().search(byAna)).isNotEmpty().allSatisfy(h -> assertThat(h.chunk().author()).isEqualTo("Ana"));
        long future = clock.now.plus(Duration.ofDays(1)).toEpochMilli();
        var later = new MemoryQuery("invoice", null, 0, new SearchFilter(Set.of(), Set.of(), future, null), 20);
        assertThat(memory().search(later)).isEmpty();
    }

    @Test
    void changes_and_deletions_follow_and_a_rebuild_gives_the_same_results_as_the_live_index() {
        corpus();
        // pin (metadata only), retitle (re-indexed in place), delete from the middle of a thread
        Artifact n2 = store().artifact("n2").orElseThrow();
        store().write(Write.of(Actor.OPERATOR, "pin", new Change.UpdateArtifact("n2", n2.version(), null,
                ((ObjectNode) n2.metadata().deepCopy()).put("pinned", true))));
        Artifact n4 = store().artifact("n4").orElseThrow();
        store().write(Write.of(Actor.OPERATOR, "title", new Change.UpdateArtifact("n4", n4.version(), "Which option", null)));
        store().write(Write.of(Actor.OPERATOR, "gone", new Change.DeleteArtifact("n3")));
        store().update(Actor.OPERATOR, "qualified", "ada", 1, Json.object().put("name", "Ada Lovelace").put("status", "qualified"));
        note("n8", "ada", "email", "Ana", "t1", "Sending the invoice to Acme today.");
        List<String> questions = List.of("invoice", "pricing proposal discount", "third option", "qualified lead Ada",
                "login error portal", "Acme renewal", "which option");
        List<List<String>> live = new ArrayList<>();
        for (String q : questions) {
            assertThat(sources(memory().search(MemoryQuery.company(q, 50)))).doesNotContain("n3");
            live.add(ids(memory().search(MemoryQuery.company(q, 20))));
            live.add(ids(memory().search(MemoryQuery.entity(q, "ada", 1, 20))));
        }
        long events = memory().rebuild(m -> { });
        assertThat(events).isEqualTo(store().lastSeq());
        List<List<String>> rebuilt = new ArrayList<>();
        for (String q : questions) {
            rebuilt.add(ids(memory().search(MemoryQuery.company(q, 20))));
            rebuilt.add(ids(memory().search(MemoryQuery.entity(q, "ada", 1, 20))));
        }
        assertSameRankings(rebuilt, live);
    }

    @Test
    void a_restarted_process_catches_up_from_the_position_its_index_committed() throws Exception {
        corpus();
        memory().search(MemoryQuery.company("invoice", 5));
        long at = memory().follower().position();
        company.solo().close();
        try (Solo other = company.reopen()) {
            // written while no memory was open: the next process catches up
            other.store().write(Write.of(Actor.OPERATOR, "later", new Change.AddArtifact("n9", "note", null,
                    "A late note about the quarterly tax filing.", null, "text/plain", null, null, List.of("bob"))));
        }
        try (Solo again = company.reopen()) {
            assertThat(again.memory().follower().position()).isEqualTo(at);
            assertThat(sources(again.memory().search(MemoryQuery.entity("quarterly tax filing", "bob", 0, 3)))).first().isEqualTo("n9");
            assertThat(again.memory().follower().position()).isEqualTo(again.store().lastSeq());
        }
    }

    @Test
    void an_index_of_another_model_is_replaced_by_a_new_one_filled_from_the_log() {
        corpus();
        memory().search(MemoryQuery.company("invoice", 5));
        company.solo().close();
        HashingEmbedder other = new HashingEmbedder() {
            @Override
            public String name() {
                return "another-model";
            }
        };
        try (Solo again = solo.app.Solo.builder(company.company()).withDatabaseUrl(company.databaseUrl()).withClock(clock)
                .withMemoryEmbedder(other).open()) {
            assertThat(again.memory().follower().position()).isZero();
            assertThat(sources(again.memory().search(MemoryQuery.entity("login error", "bob", 0, 3)))).first().isEqualTo("n5");
            assertThat(again.memory().engine().embedder().name()).isEqualTo("another-model");
        }
    }

    // ---- context packs --------------------------------------------------------------------------

    @Test
    void packs_are_byte_identical_for_the_same_inputs_and_never_above_the_budget() {
        corpus();
        ContextPackResult first = memory().contextPack("ada", "reply about the invoice and the discount", 600);
        for (int i = 0; i < 3; i++) {
            assertThat(memory().contextPack("ada", "reply about the invoice and the discount", 600).text()).isEqualTo(first.text());
        }
        assertThat(first.text()).contains("## Record", "## Summary", "## Recent events", "## Relevant memory");
        assertThat(first.text().indexOf("## Record")).isLessThan(first.text().indexOf("## Summary"));
        assertThat(first.text().indexOf("## Recent events")).isLessThan(first.text().indexOf("## Relevant memory"));
        assertThat(first.sources()).contains("n1").doesNotContain("n5");
        assertThat(first.retrievalFoundLittle()).isFalse();
        for (int budget : new int[] {1, 5, 20, 40, 80, 120, 200, 350, 600, 1000, 4000}) {
            ContextPackResult p = memory().contextPack("ada", "reply about the invoice", budget);
            assertThat(Tokens.count(p.text())).isEqualTo(p.tokens()).isLessThanOrEqualTo(budget);
        }
        String before = memory().contextPack("bob", "support", 2000).text();
        company.solo().close();
        try (Solo again = company.reopen()) {
            assertThat(again.memory().contextPack("bob", "support", 2000).text()).isEqualTo(before);
            again.memory().rebuild(m -> { });
            assertThat(again.memory().contextPack("bob", "support", 2000).text()).isEqualTo(before);
        }
    }

    @Test
    void a_pack_about_an_entity_with_nothing_attached_says_retrieval_found_little() {
        entities();
        ContextPackResult p = memory().contextPack("bob", "anything", 500);
        assertThat(p.retrievalFoundLittle()).isTrue();
        assertThat(p.text()).contains("Bob Stone");
        assertThatThrownBy(() -> memory().contextPack("nobody", "x", 100)).isInstanceOf(NotFoundException.class);
    }

    // ---- summaries --------------------------------------------------------------------------------

    @Test
    void summaries_refresh_after_a_status_change_not_after_every_write_and_keep_their_sources() {
        corpus();
        Summaries s = memory().summaries();
        assertThat(s.poll()).isZero(); // a first poll starts at the newest event: history does not refresh
        note("n10", "ada", "note", "Ana", null, "Another note about the invoice.");
        store().update(Actor.OPERATOR, "typo", "bob", 1, Json.object().put("name", "Bob Stone Jr").put("status", "new"));
        assertThat(s.poll()).isZero();
        store().update(Actor.OPERATOR, "she signed", "ada", 1, Json.object().put("name", "Ada Lovelace").put("status", "won"));
        assertThat(s.poll()).isEqualTo(1);
        Artifact summary = s.currentArtifact("ada", null).orElseThrow();
        assertThat(summary.kind()).isEqualTo("summary");
        assertThat(summary.text()).contains("Ada Lovelace", "status: won");
        assertThat(summary.metadata().path("reason").asString()).contains("status changed from new to won");
        assertThat(summary.metadata().path("summarizer").asString()).isEqualTo("digest");
        assertThat(summary.metadata().path("covers").path("from").asString()).isNotEmpty();
        assertThat(summary.metadata().path("sources").size()).isPositive();
        assertThat(memory().contextPack("ada", "next steps", 2000).text()).contains("## Summary (by digest");
        // asked again with nothing new: the same summary, nothing written
        long seq = store().lastSeq();
        assertThat(s.refresh("ada", "again")).contains(summary);
        assertThat(store().lastSeq()).isEqualTo(seq);
    }

    @Test
    void a_project_phase_that_ends_gets_its_own_summary_covering_that_phase() {
        corpus();
        Summaries s = memory().summaries();
        s.poll();
        store().update(Actor.OPERATOR, "build starts", "site", 1, Json.object().put("name", "Website").put("status", "active")
                .put("phase", "build"));
        assertThat(s.poll()).isEqualTo(2);
        Artifact phase = s.currentArtifact("site", "discovery").orElseThrow();
        assertThat(phase.title()).contains("phase discovery");
        assertThat(phase.metadata().path("phase").asString()).isEqualTo("discovery");
        assertThat(s.currentArtifact("site", null)).isPresent();
    }

    // ---- working memory ----------------------------------------------------------------------------

    @Test
    void working_memory_goes_when_its_run_completes_and_is_archived_when_it_fails() {
        entities();
        Artifact a = memory().working().put("run-1", "draft", List.of("ada"), "scratch", "first idea for the email");
        Artifact b = memory().working().put("run-2", "draft", List.of("ada"), "scratch", "second idea");
        assertThat(memory().working().of("run-1")).extracting(Artifact::id).containsExactly(a.id());
        assertThat(memory().working().runEnded("run-1", "completed")).isEqualTo(1);
        assertThat(store().artifact(a.id()).orElseThrow().deleted()).isTrue();
        assertThat(memory().working().runEnded("run-2", "failed")).isEqualTo(1);
        assertThat(store().artifact(b.id()).orElseThrow().metadata().path("archived").asBoolean()).isTrue();
        assertThat(memory().working().runEnded("run-2", "failed")).isZero();
        assertThat(store().history("ada")).isNotEmpty();
        assertThat(store().events(0, 1000)).anySatisfy(e -> assertThat(e.kind()).isEqualTo(Event.ARTIFACT_DELETED));
    }

    // ---- retention ------------------------------------------------------------------------------------

    @Test
    void retention_dry_run_lists_what_would_go_and_why_and_prune_deletes_it_with_events() {
        entities();
        note("old-draft", "ada", "draft", "Ana", null, "An old draft of the proposal.");
        note("pinned-draft", "ada", "draft", "Ana", null, "A pinned draft.");
        Artifact p = store().artifact("pinned-draft").orElseThrow();
        store().write(Write.of(Actor.OPERATOR, "pin", new Change.UpdateArtifact(p.id(), p.version(), null,
                ((ObjectNode) p.metadata().deepCopy()).put("pinned", true))));
        note("used-draft", "bob", "draft", "Ana", null, "A draft about the proposal the agent keeps using.");
        note("a-note", "ada", "note", "Ana", null, "Notes are kept forever by default.");
        clock.now = clock.now.plus(Duration.ofDays(80));
        assertThat(memory().contextPack("bob", "draft the proposal the agent keeps using", 4000).sources()).contains("used-draft");
        awaitUses();
        clock.now = clock.now.plus(Duration.ofDays(20)); // drafts are 100 days old; the pack used them 20 days ago
        Retention r = memory().retention();
        List<Retention.Decision> plan = r.plan();
        assertThat(plan).extracting(Retention.Decision::artifactId).containsExactlyInAnyOrder("old-draft", "pinned-draft", "used-draft");
        assertThat(plan).filteredOn(d -> d.artifactId().equals("pinned-draft")).singleElement()
                .satisfies(d -> assertThat(d.prune()).isFalse()).satisfies(d -> assertThat(d.reason()).startsWith("kept: pinned"));
        assertThat(plan).filteredOn(d -> d.artifactId().equals("used-draft")).singleElement()
                .satisfies(d -> assertThat(d.reason()).contains("used in a context pack"));
        assertThat(plan).filteredOn(d -> d.artifactId().equals("old-draft")).singleElement()
                .satisfies(d -> assertThat(d.prune()).isTrue()).satisfies(d -> assertThat(d.reason()).isEqualTo("kind draft older than 90d"));
        long seq = store().lastSeq();
        assertThat(store().artifact("old-draft").orElseThrow().deleted()).isFalse(); // the dry run wrote nothing
        assertThat(r.prune(plan)).isEqualTo(1);
        assertThat(store().artifact("old-draft").orElseThrow().deleted()).isTrue();
        List<Event> after = store().events(seq, 10);
        assertThat(after).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Event.ARTIFACT_DELETED);
            assertThat(e.actor()).isEqualTo(Actor.SYSTEM);
            assertThat(e.reason()).startsWith("retention: kind draft older than 90d");
        });
        assertThat(sources(memory().search(MemoryQuery.company("old draft proposal", 10)))).doesNotContain("old-draft");
    }

    @Test
    void a_summary_cites_what_it_drew_on_and_retention_keeps_those() {
        entities();
        note("d1", "ada", "draft", "Ana", null, "Draft: Ada Lovelace proposal for the website.");
        memory().summaries().refresh("ada", "test");
        clock.now = clock.now.plus(Duration.ofDays(200));
        assertThat(memory().retention().plan()).filteredOn(d -> d.artifactId().equals("d1")).singleElement()
                .satisfies(d -> assertThat(d.reason()).startsWith("kept: cited by a summary"));
    }

    private void awaitUses() {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline) {
            long n = store().storage().read(sql -> sql.queryLong("SELECT count(*) FROM memory_uses"));
            if (n > 0) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
