package solo.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyTemplate;
import solo.memory.MemoryEngine;
import solo.memory.MemoryQuery;
import solo.memory.embed.EmbeddingModels;
import solo.memory.eval.BenchDataset;
import solo.memory.eval.EvalReport;
import solo.memory.eval.RetrievalEval;
import solo.memory.index.Chunk;
import solo.memory.retrieval.Hit;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Write;
import solo.support.Json;

/**
 * {@code solo eval retrieval} (shared/bench/README.md) through the product's own paths: a throwaway company
 * on SQLite, one entity per scope of the data set, every document written as an artifact with
 * {@code Store.write} (author, time and session as its metadata), the index brought up to date by the same
 * follower of the event log that serves the product, and every question asked through {@code Memory.search}
 * in its scope's entity — the search context packs use. Ingest time covers the store writes and the indexing.
 */
public final class RetrievalBenchmark {
    private static final int WRITE_BATCH = 500;

    private RetrievalBenchmark() {}

    public static EvalReport run(Path dataset, Path rankings, EmbeddingModels model, Consumer<String> progress) {
        BenchDataset data = BenchDataset.read(dataset);
        ExecutorService threads = MemoryEngine.embeddingThreads();
        try {
            Path dir = java.nio.file.Files.createTempDirectory("solo-eval-");
            Company company = CompanyTemplate.init(dir.resolve("company"), "eval");
            try (Solo solo = Solo.builder(company).withMemoryEmbedder(model.load(threads)).open()) {
                Map<String, String> entityOfScope = new LinkedHashMap<>();
                List<Change> scopes = new ArrayList<>();
                for (BenchDataset.Document d : data.corpus()) {
                    entityOfScope.computeIfAbsent(d.scope(), s -> {
                        String id = "scope-" + (entityOfScope.size() + 1);
                        scopes.add(new Change.CreateEntity("company", id, Json.object().put("name", s)));
                        return id;
                    });
                }
                solo.store().write(new Write(Actor.SYSTEM, "eval scopes", scopes));
                Map<String, String> corpusId = new HashMap<>();
                long t0 = System.nanoTime();
                List<Change> batch = new ArrayList<>();
                int i = 0;
                for (BenchDataset.Document d : data.corpus()) {
                    String id = "doc-" + (++i);
                    corpusId.put(id, d.id());
                    var m = Json.object().put("author", d.author()).put("thread", d.session());
                    if (d.time() != null && !d.time().isBlank()) {
                        m.put("time", RetrievalEval.parseTime(d.time()).toString());
                    }
                    batch.add(new Change.AddArtifact(id, "message", null, d.text(), null, "text/plain", null, m,
                            List.of(entityOfScope.get(d.scope()))));
                    if (batch.size() == WRITE_BATCH) {
                        solo.store().write(new Write(Actor.SYSTEM, "eval corpus", batch));
                        batch.clear();
                        progress.accept("stored " + i + "/" + data.corpus().size());
                    }
                }
                if (!batch.isEmpty()) {
                    solo.store().write(new Write(Actor.SYSTEM, "eval corpus", batch));
                }
                solo.memory().catchUp(progress);
                double ingestSeconds = (System.nanoTime() - t0) / 1e9;
                RetrievalEval eval = new RetrievalEval((text, scope, chunks) -> {
                    List<Hit> hits = solo.memory().search(new MemoryQuery(text, entityOfScope.get(scope), 0, null, chunks));
                    List<Hit> out = new ArrayList<>(hits.size());
                    for (Hit h : hits) {
                        String original = corpusId.get(h.chunk().sourceId());
                        if (original != null) { // the scope's own entity record is not a corpus document
                            Chunk c = h.chunk();
                            out.add(new Hit(new Chunk(c.id(), original, c.position(), c.entityIds(), c.kind(), c.author(),
                                    c.time(), c.thread(), c.threadPos(), c.title(), c.text()), h.score(), h.lexical(), h.semantic()));
                        }
                    }
                    return out;
                }, progress);
                return eval.evaluate(data, model.modelName(), ingestSeconds, rankings);
            } finally {
                deleteTree(dir);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            threads.shutdown();
        }
    }

    static void deleteTree(Path dir) {
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
