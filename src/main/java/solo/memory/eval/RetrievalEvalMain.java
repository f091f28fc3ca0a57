package solo.memory.eval;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import solo.memory.MemoryEngine;
import solo.memory.embed.EmbeddingModels;
import solo.memory.retrieval.RetrievalSettings;

/**
 * Runs the retrieval benchmark and prints one JSON object:
 * {@code RetrievalEvalMain --dataset FILE [--rankings OUT.jsonl] [--model NAME] [--index DIR]}.
 * The index lives in a temporary folder unless {@code --index} names a folder (which must be empty: the
 * corpus is ingested every run, since ingest time is part of the result). Progress goes to stderr,
 * only when it is a terminal. {@code solo eval retrieval} calls {@link #run}.
 */
public final class RetrievalEvalMain {
    private RetrievalEvalMain() {}

    public static void main(String[] args) {
        Path dataset = null;
        Path rankings = null;
        Path indexDir = null;
        EmbeddingModels model = MemoryEngine.DEFAULT_MODEL;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--dataset" -> dataset = Path.of(require(args[i], value));
                case "--rankings" -> rankings = Path.of(require(args[i], value));
                case "--index" -> indexDir = Path.of(require(args[i], value));
                case "--model" -> model = EmbeddingModels.byName(require(args[i], value));
                default -> fail("unknown option " + args[i]);
            }
            i++;
        }
        if (dataset == null) {
            fail("usage: --dataset FILE [--rankings OUT.jsonl] [--model NAME] [--index DIR]");
        }
        quietLibraries();
        System.out.println(run(dataset, rankings, indexDir, model, System.console() != null).toJson());
        System.exit(0); // ONNX Runtime keeps non-daemon native threads
    }

    /** Ingests the data set into a fresh engine, runs its queries and returns the report. */
    public static EvalReport run(Path dataset, Path rankings, Path indexDir, EmbeddingModels model, boolean progress) {
        BenchDataset data = BenchDataset.read(dataset);
        try (MemoryEngine engine = MemoryEngine.open(indexDir, model, RetrievalSettings.defaults())) {
            RetrievalEval eval = new RetrievalEval(engine.ingest(), engine.retriever(), msg -> {
                if (progress) {
                    System.err.print("\r" + msg);
                }
            });
            double ingestSeconds = eval.ingest(data);
            if (progress) {
                System.err.println();
            }
            return eval.evaluate(data, model.modelName(), ingestSeconds, rankings);
        }
    }

    /** The tokenizer library logs its platform probing; stdout is for the result. */
    private static void quietLibraries() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("ai.djl").setLevel(Level.ERROR);
            context.getLogger("ai.onnxruntime").setLevel(Level.ERROR);
        }
    }

    private static String require(String option, String value) {
        if (value == null) {
            fail(option + " needs a value");
        }
        return value;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
