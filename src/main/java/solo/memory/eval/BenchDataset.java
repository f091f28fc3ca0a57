package solo.memory.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A retrieval benchmark data set as {@code shared/bench/README.md} defines it. The relevance
 * judgments are split off the queries on load, so that what reaches the ranker cannot carry them.
 */
public record BenchDataset(String name, List<Document> corpus, List<Query> queries, Map<String, List<String>> judgments) {

    public record Document(String id, String scope, String time, String author, String session, String text) {}

    public record Query(String id, String scope, String text, String category) {}

    /** The file's shape; {@code relevant} only ever goes to {@link #judgments}. */
    private record RawQuery(String id, String scope, String text, String category, List<String> relevant) {}

    private record RawDataset(String name, List<Document> corpus, List<RawQuery> queries) {}

    public static BenchDataset read(Path file) {
        JsonMapper mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        RawDataset raw;
        try {
            raw = mapper.readValue(file.toFile(), RawDataset.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new UncheckedIOException(new IOException("cannot read data set " + file + ": " + e.getOriginalMessage(), e));
        }
        Map<String, List<String>> judgments = new LinkedHashMap<>();
        List<Query> queries = raw.queries().stream()
                .peek(q -> judgments.put(q.id(), List.copyOf(q.relevant())))
                .map(q -> new Query(q.id(), q.scope(), q.text(), q.category()))
                .toList();
        return new BenchDataset(raw.name(), List.copyOf(raw.corpus()), queries, judgments);
    }
}
