package solo.interfaces.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.bench.RetrievalBenchmark;
import solo.memory.MemoryEngine;
import solo.memory.embed.EmbeddingModels;
import solo.support.SoloException;

/** {@code solo eval ...}: quality measurements that print one JSON object. */
@Command(name = "eval", description = "Measure quality; each evaluation prints one JSON object.",
        subcommands = {EvalCommand.Retrieval.class})
final class EvalCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "retrieval", description = "The retrieval benchmark (shared/bench/README.md) through Solo's ingestion and search.")
    static final class Retrieval implements Runnable {
        @Spec
        CommandSpec spec;

        @Option(names = "--dataset", required = true, paramLabel = "FILE", description = "A data set in the benchmark's format.")
        Path dataset;

        @Option(names = "--rankings", paramLabel = "OUT.jsonl", description = "Write each query's ranking here, one JSON line per query.")
        Path rankings;

        @Option(names = "--model", description = "Embedding model (default: all-minilm-l6-v2-q; or bge-small-en-v1.5-q).")
        String model;

        @Override
        public void run() {
            if (!Files.isRegularFile(dataset)) {
                throw new SoloException(dataset + ": no such data set");
            }
            EmbeddingModels m = model == null ? MemoryEngine.DEFAULT_MODEL : EmbeddingModels.byName(model);
            quietLibraries();
            var report = RetrievalBenchmark.run(dataset, rankings, m, new TerminalProgress(spec.commandLine().getErr()));
            spec.commandLine().getOut().println(report.toJson());
            spec.commandLine().getOut().flush();
        }
    }

    /** The tokenizer library logs its platform probing; stdout is for the result. */
    static void quietLibraries() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger("ai.djl").setLevel(Level.ERROR);
            context.getLogger("ai.onnxruntime").setLevel(Level.ERROR);
        }
    }
}
