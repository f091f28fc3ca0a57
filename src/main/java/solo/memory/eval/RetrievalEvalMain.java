package solo.memory.eval;

import java.nio.file.Path;
import solo.memory.MemoryEngine;
import solo.memory.embed.EmbeddingModels;
import solo.memory.retrieval.RetrievalSettings;

/**
 * {@code java solo.memory.eval.RetrievalEvalMain --dataset FILE [--rankings OUT.jsonl] [--model NAME]
 * [--index DIR]}: runs the retrieval benchmark and prints one JSON object. Progress goes to stderr
 * when it is a terminal.
 */
public final class RetrievalEvalMain {
    private RetrievalEvalMain() {}

    public static void main(String[] args) {
        Path dataset = null;
        Path rankings = null;
        Path indexDir = null;
        EmbeddingModels model = MemoryEngine.DEFAULT_MODEL;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dataset" -> dataset = Path.of(args[++i]);
                case "--rankings" -> rankings = Path.of(args[++i]);
                case "--index" -> indexDir = Path.of(args[++i]);
                case "--model" -> model = EmbeddingModels.byName(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (dataset == null) {
            System.err.println("usage: --dataset FILE [--rankings OUT.jsonl] [--model NAME] [--index DIR]");
            System.exit(2);
        }
        boolean tty = System.console() != null;
        BenchDataset data = BenchDataset.read(dataset);
        RetrievalSettings settings = RetrievalSettings.defaults();
        try (MemoryEngine engine = indexDir == null
                ? MemoryEngine.inMemory(model, settings)
                : MemoryEngine.open(indexDir, model, settings)) {
            RetrievalEval eval = new RetrievalEval(engine.ingest(), engine.retriever(),
                    msg -> { if (tty) System.err.print("\r" + msg); });
            double ingestSeconds = eval.ingest(data);
            if (tty) System.err.println();
            EvalReport report = eval.evaluate(data, model.modelName(), ingestSeconds, rankings);
            System.out.println(report.toJson());
        }
    }
}
