package solo.memory.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The benchmark's printed result: quality overall and per category, latency, sizes, ingest time. */
public record EvalReport(
        String dataset,
        String model,
        int documents,
        int queries,
        double ingestSeconds,
        Scores overall,
        Map<String, Scores> categories,
        double p50Ms,
        double p95Ms) {

    public static final int[] RECALL_AT = {5, 10, 25, 50};

    /** Mean metrics over a group of queries. */
    public record Scores(int queries, double[] recall, double ndcg10) {
        public double recallAt(int k) {
            return recall[Arrays.binarySearch(RECALL_AT, k)];
        }
    }

    /** One query's judged outcome. */
    public record Judged(String category, List<String> ranked, List<String> relevant) {}

    static Scores score(List<Judged> judged) {
        double[] recall = new double[RECALL_AT.length];
        double ndcg = 0;
        for (Judged j : judged) {
            for (int i = 0; i < RECALL_AT.length; i++) {
                recall[i] += RankingMetrics.recall(j.ranked(), j.relevant(), RECALL_AT[i]);
            }
            ndcg += RankingMetrics.ndcg(j.ranked(), j.relevant(), 10);
        }
        int n = Math.max(1, judged.size());
        for (int i = 0; i < recall.length; i++) {
            recall[i] /= n;
        }
        return new Scores(judged.size(), recall, ndcg / n);
    }

    static Map<String, Scores> byCategory(List<Judged> judged) {
        Map<String, List<Judged>> groups = new TreeMap<>();
        for (Judged j : judged) {
            groups.computeIfAbsent(j.category(), k -> new ArrayList<>()).add(j);
        }
        Map<String, Scores> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, score(v)));
        return out;
    }

    /** The one JSON object the benchmark prints. */
    public String toJson() {
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("dataset", dataset);
        root.put("model", model);
        put(root, overall);
        root.put("p50_ms", round(p50Ms));
        root.put("p95_ms", round(p95Ms));
        root.put("documents", documents);
        root.put("queries", queries);
        root.put("ingest_s", round(ingestSeconds));
        ObjectNode cats = root.putObject("categories");
        categories.forEach((name, s) -> {
            ObjectNode c = cats.putObject(name);
            c.put("queries", s.queries());
            put(c, s);
        });
        return mapper.writeValueAsString(root);
    }

    private static void put(ObjectNode node, Scores s) {
        for (int i = 0; i < RECALL_AT.length; i++) {
            node.put("recall@" + RECALL_AT[i], round(s.recall()[i]));
        }
        node.put("ndcg@10", round(s.ndcg10()));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
