package solo.memory.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.memory.Fixtures;
import solo.memory.HashingEmbedder;
import solo.memory.MemoryEngine;
import solo.memory.embed.Embedder;
import solo.memory.index.Chunk;
import solo.memory.index.ChunkIndex;
import solo.memory.index.IndexView;
import solo.memory.index.Scope;
import solo.memory.retrieval.Hit;
import solo.memory.retrieval.RetrievalSettings;
import solo.memory.retrieval.SearchRequest;

class IndexingIngestTest {
    @Test
    void documentsTakeConsecutivePlacesInTheirThreadAcrossBatches() {
        try (MemoryEngine engine = MemoryEngine.open(null, new HashingEmbedder(), RetrievalSettings.defaults())) {
            engine.ingest().ingest(List.of(
                    Fixtures.doc("m1", "e", "Ana", "t", "first"),
                    Fixtures.doc("x1", "e", "Ben", "other", "elsewhere"),
                    Fixtures.doc("m2", "e", "Ben", "t", "second")));
            engine.ingest().ingest(List.of(Fixtures.doc("m3", "e", "Ana", "t", "third")));
            try (IndexView view = engine.index().view()) {
                assertThat(view.lastInThread("t", Set.of())).map(Chunk::threadPos).contains(2);
                assertThat(view.lastInThread("t", Set.of("m3"))).map(Chunk::sourceId).contains("m2");
                assertThat(view.chunkAt("t", 0)).map(Chunk::sourceId).contains("m1");
                assertThat(view.chunkAt("t", 2)).map(Chunk::sourceId).contains("m3");
                assertThat(view.chunkAt("other", 0)).map(Chunk::sourceId).contains("x1");
            }
        }
    }

    @Test
    void longTextsAreChunkedWithTheirPositions() {
        String text = "The retainer covers design and development work each month. ".repeat(60);
        try (MemoryEngine engine = MemoryEngine.open(null, new HashingEmbedder(), RetrievalSettings.defaults())) {
            engine.ingest().ingest(List.of(Fixtures.doc("contract", "customer", "Ana", "", text)));
            List<Hit> hits = engine.retriever().search(new SearchRequest("retainer", Scope.entity("customer"), 100));
            assertThat(hits).hasSizeGreaterThan(2).allSatisfy(h -> {
                Chunk c = h.chunk();
                assertThat(c.sourceId()).isEqualTo("contract");
                assertThat(c.id()).isEqualTo("contract#" + c.position().ordinal());
                assertThat(text.substring(c.position().start(), c.position().end())).isEqualTo(c.text());
            });
        }
    }

    @Test
    void reingestingASourceReplacesItAndRemoveForgetsIt() {
        try (MemoryEngine engine = MemoryEngine.open(null, new HashingEmbedder(), RetrievalSettings.defaults())) {
            engine.ingest().ingest(List.of(Fixtures.doc("draft", "e", "Ana", "", "old wording about apples")));
            engine.ingest().ingest(List.of(Fixtures.doc("draft", "e", "Ana", "", "new wording about pears")));
            List<Hit> hits = engine.retriever().search(new SearchRequest("apples pears", Scope.entity("e"), 10));
            assertThat(hits).singleElement().satisfies(h -> assertThat(h.chunk().text()).contains("pears"));

            engine.ingest().remove("draft");
            assertThat(engine.retriever().search(new SearchRequest("pears", Scope.entity("e"), 10))).isEmpty();
        }
    }

    @Test
    void aFailedEmbeddingLeavesTheEarlierVersionSearchable() {
        HashingEmbedder failing = new HashingEmbedder() {
            @Override
            public List<float[]> embedPassages(List<String> texts) {
                if (texts.stream().anyMatch(t -> t.contains("pears"))) {
                    throw new IllegalStateException("model failed");
                }
                return super.embedPassages(texts);
            }
        };
        try (MemoryEngine engine = MemoryEngine.open(null, failing, RetrievalSettings.defaults())) {
            engine.ingest().ingest(List.of(Fixtures.doc("draft", "e", "Ana", "", "old wording about apples")));
            assertThatThrownBy(() -> engine.ingest().ingest(
                    List.of(Fixtures.doc("draft", "e", "Ana", "", "new wording about pears"))))
                    .hasMessage("model failed");
            assertThat(engine.retriever().search(new SearchRequest("apples", Scope.entity("e"), 10)))
                    .singleElement().satisfies(h -> assertThat(h.chunk().text()).contains("apples"));
        }
    }

    @Test
    void anIndexBuiltWithAnotherModelMustBeRebuilt(@TempDir Path dir) {
        try (MemoryEngine engine = MemoryEngine.open(dir, new HashingEmbedder(), RetrievalSettings.defaults())) {
            engine.ingest().ingest(List.of(Fixtures.doc("a", "e", "Ana", "", "text")));
            engine.ingest().commit();
        }
        Embedder other = new HashingEmbedder() {
            @Override
            public String name() {
                return "another-model";
            }
        };
        assertThatThrownBy(() -> ChunkIndex.open(dir, other.name()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rebuild");
    }
}
