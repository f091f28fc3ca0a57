package solo.memory.eval;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import solo.memory.index.Scope;
import solo.memory.ingest.MemoryDocument;
import solo.memory.ingest.MemoryIngest;
import solo.memory.retrieval.Hit;
import solo.memory.retrieval.Retriever;
import solo.memory.retrieval.SearchRequest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The retrieval benchmark of {@code shared/bench/README.md}: ingest the corpus through the product's
 * ingest path (a scope becomes an entity), run every query in its scope through the product's
 * retriever, write the rankings, and score them against the judgments, which only this class sees.
 */
public final class RetrievalEval {
    public static final int RANKED = 50;
    private static final int INGEST_BATCH = 256;
    private static final int WARMUP_QUERIES = 200;

    /** Ranks chunks for a question inside a data set's scope: the product's search, however it is reached. */
    @FunctionalInterface
    public interface Ranker {
        List<Hit> search(String text, String scope, int chunks);
    }

    private final MemoryIngest ingest;
    private final Ranker ranker;
    private final Consumer<String> progress;

    /** Straight onto an engine (the retrieval engine's own tests and tuning tools). */
    public RetrievalEval(MemoryIngest ingest, Retriever retriever, Consumer<String> progress) {
        this.ingest = ingest;
        this.ranker = (text, scope, chunks) -> retriever.search(new SearchRequest(text, Scope.entity(scope), chunks));
        this.progress = progress;
    }

    /**
     * Through any search (the product's: {@code solo eval retrieval} writes the corpus as artifacts and searches
     * through memory); the caller ingests. Hits whose source the ranker does not know as a corpus document
     * should be mapped out by the ranker.
     */
    public RetrievalEval(Ranker ranker, Consumer<String> progress) {
        this.ingest = null;
        this.ranker = ranker;
        this.progress = progress;
    }

    /** Ingests the corpus; returns the seconds it took. */
    public double ingest(BenchDataset data) {
        long t0 = System.nanoTime();
        List<MemoryDocument> batch = new ArrayList<>();
        int done = 0;
        for (BenchDataset.Document d : data.corpus()) {
            batch.add(toMemory(d));
            if (batch.size() == INGEST_BATCH) {
                ingest.ingest(batch);
                done += batch.size();
                batch.clear();
                progress.accept("ingested " + done + "/" + data.corpus().size());
            }
        }
        ingest.ingest(batch);
        ingest.commit();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Runs every query, writes the rankings (if a path is given) and scores them. */
    public EvalReport evaluate(BenchDataset data, String model, double ingestSeconds, Path rankingsOut) {
        warmUp(data);
        List<EvalReport.Judged> judged = new ArrayList<>();
        double[] ms = new double[data.queries().size()];
        try (BufferedWriter out = rankingsOut == null ? null : Files.newBufferedWriter(rankingsOut)) {
            JsonMapper mapper = JsonMapper.builder().build();
            for (int i = 0; i < data.queries().size(); i++) {
                BenchDataset.Query q = data.queries().get(i);
                long t0 = System.nanoTime();
                List<String> ranked = rank(q.text(), q.scope());
                ms[i] = (System.nanoTime() - t0) / 1e6;
                judged.add(new EvalReport.Judged(q.category(), ranked, data.judgments().get(q.id())));
                if (out != null) {
                    ObjectNode line = mapper.createObjectNode();
                    line.put("query", q.id());
                    line.putPOJO("ranked", ranked);
                    line.put("ms", Math.round(ms[i] * 1000) / 1000.0);
                    out.write(mapper.writeValueAsString(line));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Arrays.sort(ms);
        return new EvalReport(data.name(), model, data.corpus().size(), data.queries().size(), ingestSeconds,
                EvalReport.score(judged), EvalReport.byCategory(judged), percentile(ms, 50), percentile(ms, 95));
    }

    /**
     * The top {@value #RANKED} distinct documents for a question, best first. Asks for as many
     * chunks first, and for more only when long documents used several places.
     */
    List<String> rank(String text, String scope) {
        int chunks = RANKED;
        while (true) {
            List<Hit> hits = ranker.search(text, scope, chunks);
            Set<String> sources = new LinkedHashSet<>();
            for (Hit h : hits) {
                if (sources.size() == RANKED) {
                    break;
                }
                sources.add(h.chunk().sourceId());
            }
            if (sources.size() == RANKED || hits.size() < chunks || chunks >= 8 * RANKED) {
                return List.copyOf(sources);
            }
            chunks *= 2;
        }
    }

    /** JIT warm-up with corpus sentences (never the benchmark's queries), so latency reflects a running server. */
    private void warmUp(BenchDataset data) {
        int step = Math.max(1, data.corpus().size() / WARMUP_QUERIES);
        for (int i = 0; i < data.corpus().size(); i += step) {
            BenchDataset.Document d = data.corpus().get(i);
            rank(d.text(), d.scope());
        }
    }

    public static MemoryDocument toMemory(BenchDataset.Document d) {
        return new MemoryDocument(d.id(), List.of(d.scope()), "message", d.author(), parseTime(d.time()),
                d.session(), "", d.text());
    }

    public static Instant parseTime(String s) {
        if (s == null || s.isBlank()) {
            return Instant.EPOCH;
        }
        try {
            if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(s).toInstant();
            }
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable time '" + s + "'", e);
        }
    }

    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
