package solo.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.memory.HashingEmbedder;
import solo.memory.MemoryEngine;
import solo.memory.retrieval.RetrievalSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RetrievalEvalTest {
    private static final String DATASET = """
            {"name": "tiny", "source": "made up",
             "corpus": [
               {"id": "s1/1", "scope": "s1", "time": "2023-05-08T13:56:00", "author": "Ana", "session": "s1/a", "text": "I adopted a turtle named Shelly."},
               {"id": "s1/2", "scope": "s1", "time": "2023-05-08T13:57:00", "author": "Ben", "session": "s1/a", "text": "Cool! I bought a new guitar."},
               {"id": "s1/3", "scope": "s1", "time": "2023-06-01T10:00:00", "author": "Ana", "session": "s1/b", "text": "The turtle eats lettuce every day."},
               {"id": "s2/1", "scope": "s2", "time": "2023-05-08T13:56:00", "author": "Cy", "session": "s2/a", "text": "My turtle is called Shelly too."}
             ],
             "queries": [
               {"id": "q1", "scope": "s1", "text": "What is the name of Ana's turtle?", "category": "single-hop", "relevant": ["s1/1"]},
               {"id": "q2", "scope": "s1", "text": "What did Ben buy?", "category": "single-hop", "relevant": ["s1/2"]},
               {"id": "q3", "scope": "s2", "text": "turtle name", "category": "multi-hop", "relevant": ["s2/1"]}
             ]}
            """;

    @Test
    void runsTheBenchmarkAndWritesRankingsAndOneJsonReport(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, DATASET);
        Path rankings = dir.resolve("r.jsonl");
        BenchDataset data = BenchDataset.read(file);

        EvalReport report;
        try (MemoryEngine engine = MemoryEngine.open(null, new HashingEmbedder(), RetrievalSettings.defaults())) {
            RetrievalEval eval = new RetrievalEval(engine.ingest(), engine.retriever(), msg -> {});
            double ingest = eval.ingest(data);
            report = eval.evaluate(data, "hashing", ingest, rankings);
        }

        List<String> lines = Files.readAllLines(rankings);
        assertThat(lines).hasSize(3);
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode first = mapper.readTree(lines.getFirst());
        assertThat(first.get("query").asString()).isEqualTo("q1");
        assertThat(first.get("ranked").values()).extracting(JsonNode::asString)
                .containsExactlyInAnyOrder("s1/1", "s1/2", "s1/3"); // its scope holds three documents
        assertThat(mapper.readTree(lines.get(2)).get("ranked").get(0).asString()).isEqualTo("s2/1");

        JsonNode json = mapper.readTree(report.toJson());
        assertThat(json.get("documents").asInt()).isEqualTo(4);
        assertThat(json.get("queries").asInt()).isEqualTo(3);
        assertThat(json.get("recall@50").asDouble()).isEqualTo(1.0);
        for (String key : List.of("recall@5", "recall@10", "recall@25", "ndcg@10", "p50_ms", "p95_ms", "ingest_s")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertThat(json.get("categories").get("multi-hop").get("queries").asInt()).isEqualTo(1);
    }

    @Test
    void judgmentsAreSplitOffTheQueries(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tiny.json");
        Files.writeString(file, DATASET);
        BenchDataset data = BenchDataset.read(file);
        assertThat(BenchDataset.Query.class.getRecordComponents())
                .extracting(c -> c.getName())
                .containsExactly("id", "scope", "text", "category");
        assertThat(data.judgments()).containsEntry("q2", List.of("s1/2"));
    }

    @Test
    void readsTheTimeFormatsDataSetsUse() {
        assertThat(RetrievalEval.parseTime("2023-05-08T13:56:00").toString()).isEqualTo("2023-05-08T13:56:00Z");
        assertThat(RetrievalEval.parseTime("2023-05-08T13:56:00+02:00").toString()).isEqualTo("2023-05-08T11:56:00Z");
        assertThat(RetrievalEval.parseTime("2023-05-08").toString()).isEqualTo("2023-05-08T00:00:00Z");
    }
}
