package solo.memory.eval;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import solo.memory.MemoryEngine;
import solo.memory.embed.EmbeddingModels;
import solo.memory.retrieval.HybridRetriever;
import solo.memory.retrieval.RetrievalSettings;

/** Developer tool: prints sampled misses (relevant docs ranked below 10) for error analysis. */
public final class RetrievalInspect {
    public static void main(String[] args) {
        BenchDataset data = BenchDataset.read(Path.of(args[0]));
        EmbeddingModels model = EmbeddingModels.byName(args[1]);
        RetrievalSettings s = RetrievalSweep.parse(args[3]);
        int samples = Integer.parseInt(args[4]);
        String category = args.length > 5 ? args[5] : null;
        Map<String, BenchDataset.Document> docs = new HashMap<>();
        data.corpus().forEach(d -> docs.put(d.id(), d));
        try (MemoryEngine engine = MemoryEngine.open(Path.of(args[2]), model, RetrievalSettings.defaults())) {
            RetrievalEval eval = new RetrievalEval(engine.ingest(), new HybridRetriever(engine.index(), engine.embedder(), s), x -> {});
            Random rnd = new Random(7);
            List<BenchDataset.Query> qs = data.queries().stream().filter(q -> category == null || q.category().equals(category)).toList();
            int shown = 0;
            for (int tries = 0; tries < 2000 && shown < samples; tries++) {
                BenchDataset.Query q = qs.get(rnd.nextInt(qs.size()));
                List<String> ranked = eval.rank(q.text(), q.scope());
                List<String> rel = data.judgments().get(q.id());
                if (RankingMetrics.recall(ranked, rel, Integer.getInteger("k", 10)) == 1.0) continue;
                shown++;
                System.out.println("Q [" + q.category() + "] " + q.text());
                for (String r : rel) {
                    BenchDataset.Document d = docs.get(r);
                    System.out.println("   rel rank=" + (ranked.indexOf(r) + 1) + " " + r + " " + d.time() + " " + d.author() + ": " + d.text());
                }
                for (int i = 0; i < 3; i++) {
                    BenchDataset.Document d = docs.get(ranked.get(i));
                    System.out.println("   top" + (i + 1) + " " + d.id() + " " + d.author() + ": " + d.text());
                }
            }
        }
    }
}
