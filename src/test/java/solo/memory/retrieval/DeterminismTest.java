package solo.memory.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.memory.Fixtures;
import solo.memory.HashingEmbedder;
import solo.memory.MemoryEngine;
import solo.memory.index.Scope;
import solo.memory.ingest.MemoryDocument;

/** The same index and question always give the same ranking, and so does a rebuilt index. */
class DeterminismTest {
    private static final List<String> QUESTIONS = List.of(
            "invoice overdue", "what did Ben say about pricing", "kickoff meeting", "renewal", "login error");

    @Test
    void theSameQuestionTwiceGivesTheSameRanking() {
        try (MemoryEngine engine = MemoryEngine.open(null, new HashingEmbedder(), RetrievalSettings.defaults())) {
            engine.ingest().ingest(Fixtures.threeCustomers());
            for (String q : QUESTIONS) {
                assertThat(ranking(engine, q, Scope.company())).isEqualTo(ranking(engine, q, Scope.company()));
            }
        }
    }

    @Test
    void tiesAreBrokenByChunkId() {
        List<MemoryDocument> twins = new ArrayList<>();
        for (String id : List.of("n-3", "n-1", "n-2")) {
            twins.add(Fixtures.doc(id, "e", "Ana", "", "identical text about the budget"));
        }
        try (MemoryEngine engine = MemoryEngine.open(null, new HashingEmbedder(), RetrievalSettings.defaults())) {
            engine.ingest().ingest(twins);
            assertThat(ranking(engine, "budget", Scope.entity("e"))).extracting(r -> r.substring(0, r.indexOf('@')))
                    .containsExactly("n-1#0", "n-2#0", "n-3#0");
        }
    }

    @Test
    void aRebuiltIndexGivesTheSameResults(@TempDir Path dir) {
        List<List<String>> live = new ArrayList<>();
        try (MemoryEngine engine = MemoryEngine.open(dir.resolve("live"), new HashingEmbedder(), RetrievalSettings.defaults())) {
            // live: documents arrive in several batches
            List<MemoryDocument> docs = Fixtures.threeCustomers();
            engine.ingest().ingest(docs.subList(0, 7));
            engine.ingest().ingest(docs.subList(7, docs.size()));
            engine.ingest().commit();
            for (String q : QUESTIONS) {
                live.add(ranking(engine, q, Scope.company()));
            }
        }
        // rebuild: everything at once, into a fresh folder
        try (MemoryEngine engine = MemoryEngine.open(dir.resolve("rebuilt"), new HashingEmbedder(), RetrievalSettings.defaults())) {
            engine.ingest().ingest(Fixtures.threeCustomers());
            engine.ingest().commit();
            for (int i = 0; i < QUESTIONS.size(); i++) {
                assertThat(ranking(engine, QUESTIONS.get(i), Scope.company())).isEqualTo(live.get(i));
            }
        }
        // reopen: the live index read back from disk
        try (MemoryEngine engine = MemoryEngine.open(dir.resolve("live"), new HashingEmbedder(), RetrievalSettings.defaults())) {
            for (int i = 0; i < QUESTIONS.size(); i++) {
                assertThat(ranking(engine, QUESTIONS.get(i), Scope.company())).isEqualTo(live.get(i));
            }
        }
    }

    @Test
    void theRealModelRebuildsTheSameIndexWhateverTheBatches() {
        // the quantized ONNX model must give the same vector for the same text however texts are
        // grouped (texts are embedded one by one for that reason); one engine per layout
        List<List<String>> first = new ArrayList<>();
        try (MemoryEngine engine = MemoryEngine.open(null, MemoryEngine.DEFAULT_MODEL, RetrievalSettings.defaults())) {
            List<MemoryDocument> docs = Fixtures.threeCustomers();
            for (MemoryDocument d : docs) {
                engine.ingest().ingest(List.of(d));
            }
            for (String q : QUESTIONS) {
                first.add(ranking(engine, q, Scope.company()));
            }
        }
        try (MemoryEngine engine = MemoryEngine.open(null, MemoryEngine.DEFAULT_MODEL, RetrievalSettings.defaults())) {
            engine.ingest().ingest(Fixtures.threeCustomers());
            for (int i = 0; i < QUESTIONS.size(); i++) {
                assertThat(ranking(engine, QUESTIONS.get(i), Scope.company())).isEqualTo(first.get(i));
            }
        }
    }

    /** Chunk ids with scores, so that a change in either shows. */
    private static List<String> ranking(MemoryEngine engine, String q, Scope scope) {
        return engine.retriever().search(new SearchRequest(q, scope, 50)).stream()
                .map(h -> h.chunk().id() + "@" + h.score())
                .toList();
    }
}
