package solo.memory.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import solo.memory.MemoryEngine;
import solo.memory.embed.EmbeddingModels;
import solo.memory.index.IndexView;
import solo.memory.retrieval.HybridRetriever;
import solo.memory.retrieval.RetrievalSettings;

/**
 * Developer tool, not a test: ingests a data set once (or reuses an index folder) and scores
 * several retrieval settings on it, one compact line each. Scopes can be split into a tuning half
 * and a check half so that nothing is fitted to the whole file.
 *
 * <p>Args: DATASET MODEL INDEX_DIR SCOPES(all|comma list) VARIANT...; a variant is
 * {@code name:cand=100,fusion=WEIGHTED,sem=0.5,ctx=0.5,nb=0,author=1}.
 */
public final class RetrievalSweep {
    public static void main(String[] args) throws Exception {
        BenchDataset full = BenchDataset.read(Path.of(args[0]));
        EmbeddingModels model = EmbeddingModels.byName(args[1]);
        Path dir = Path.of(args[2]);
        BenchDataset data = subset(full, args[3]);
        boolean fresh = !Files.exists(dir.resolve("segments_1")) && !hasIndex(dir);
        try (MemoryEngine engine = MemoryEngine.open(dir, model, RetrievalSettings.defaults())) {
            double ingest = 0;
            int count;
            try (IndexView v = engine.index().view()) {
                count = v.count(org.apache.lucene.search.MatchAllDocsQuery.INSTANCE);
            }
            if (count == 0) {
                ingest = new RetrievalEval(engine.ingest(), engine.retriever(), s -> {}).ingest(full);
                System.out.printf("ingested %d docs in %.1fs%n", full.corpus().size(), ingest);
            }
            for (int i = 4; i < args.length; i++) {
                String[] nv = args[i].split(":", 2);
                RetrievalSettings s = parse(nv.length > 1 ? nv[1] : "");
                HybridRetriever r = new HybridRetriever(engine.index(), engine.embedder(), s);
                EvalReport rep = new RetrievalEval(engine.ingest(), r, x -> {}).evaluate(data, model.modelName(), ingest, null);
                System.out.println(line(nv[0], rep));
            }
        }
    }

    private static boolean hasIndex(Path dir) throws Exception {
        return Files.isDirectory(dir) && Files.list(dir).findAny().isPresent();
    }

    static BenchDataset subset(BenchDataset d, String scopes) {
        if (scopes.equals("all")) {
            return d;
        }
        Set<String> keep = Set.of(scopes.split(","));
        return new BenchDataset(d.name(), d.corpus(),
                d.queries().stream().filter(q -> keep.contains(q.scope())).toList(), d.judgments());
    }

    static RetrievalSettings parse(String spec) {
        RetrievalSettings d = RetrievalSettings.defaults();
        int cand = d.candidates();
        double sem = d.semanticWeight(), ctx = d.contextWeight(), spk = d.speakerBoost(), time = d.timeBoost();
        double nb = d.neighbourWeight(), thr = d.threadWeight();
        for (String kv : spec.isEmpty() ? new String[0] : spec.split(",")) {
            String[] p = kv.split("=");
            double v = Double.parseDouble(p[1]);
            switch (p[0]) {
                case "cand" -> cand = (int) v;
                case "sem" -> sem = v;
                case "ctx" -> ctx = v;
                case "spk" -> spk = v;
                case "time" -> time = v;
                case "nb" -> nb = v;
                case "thr" -> thr = v;
                default -> throw new IllegalArgumentException(p[0]);
            }
        }
        return new RetrievalSettings(cand, sem, ctx, spk, time, nb, thr);
    }

    static String line(String name, EvalReport r) {
        StringBuilder sb = new StringBuilder(String.format("%-14s all r5=%.3f r10=%.3f r50=%.3f n10=%.3f p50=%.1f p95=%.1f |",
                name, r.overall().recallAt(5), r.overall().recallAt(10), r.overall().recallAt(50), r.overall().ndcg10(), r.p50Ms(), r.p95Ms()));
        List<String> parts = new ArrayList<>();
        r.categories().forEach((c, s) -> parts.add(String.format(" %s %.3f/%.3f", c.substring(0, 4), s.recallAt(10), s.recallAt(50))));
        return sb + String.join("", parts);
    }
}
