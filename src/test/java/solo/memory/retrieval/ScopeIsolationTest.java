package solo.memory.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import solo.memory.Fixtures;
import solo.memory.HashingEmbedder;
import solo.memory.MemoryEngine;
import solo.memory.index.Scope;

/** A search never returns a chunk from outside its scope, whatever the question matches. */
class ScopeIsolationTest {
    private static MemoryEngine engine;

    @BeforeAll
    static void ingest() {
        engine = MemoryEngine.open(null, new HashingEmbedder(), RetrievalSettings.defaults());
        engine.ingest().ingest(Fixtures.threeCustomers());
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice overdue", "customer-b pricing", "what did Ana say about the contract", "zzz"})
    void oneEntitySeesOnlyItsOwnChunks(String question) {
        List<Hit> hits = engine.retriever().search(new SearchRequest(question, Scope.entity("customer-a"), 50));
        assertThat(hits).isNotEmpty().allSatisfy(h -> assertThat(h.chunk().entityIds()).containsExactly("customer-a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice overdue", "support ticket login error for customer-c"})
    void anEntityWithNeighboursSeesExactlyThoseEntities(String question) {
        Scope scope = Scope.entities(Set.of("customer-a", "customer-b"));
        List<Hit> hits = engine.retriever().search(new SearchRequest(question, scope, 50));
        assertThat(hits).hasSize(12)
                .allSatisfy(h -> assertThat(h.chunk().entityIds()).containsAnyOf("customer-a", "customer-b")
                        .doesNotContain("customer-c"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice overdue"})
    void theCompanySeesEverything(String question) {
        List<Hit> hits = engine.retriever().search(new SearchRequest(question, Scope.company(), 50));
        assertThat(hits).hasSize(18);
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice overdue"})
    void anUnknownEntitySeesNothing(String question) {
        assertThat(engine.retriever().search(new SearchRequest(question, Scope.entity("nobody"), 50))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pricing proposal"})
    void filtersNarrowTheScopeFurther(String question) {
        SearchFilter onlyBen = new SearchFilter(Set.of(), Set.of("Ben"), null, null);
        List<Hit> hits = engine.retriever().search(new SearchRequest(question, Scope.entity("customer-b"), 50, onlyBen));
        assertThat(hits).hasSize(3).allSatisfy(h -> {
            assertThat(h.chunk().author()).isEqualTo("Ben");
            assertThat(h.chunk().entityIds()).containsExactly("customer-b");
        });
    }
}
