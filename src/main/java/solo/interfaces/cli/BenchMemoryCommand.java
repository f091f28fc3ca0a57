package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.bench.MemoryBenchmark;
import solo.support.Json;
import solo.support.SoloException;

@Command(name = "memory", description = "Ingest generated artifacts through the store and the index, then time searches and context packs.")
final class BenchMemoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--artifacts", defaultValue = "100000", description = "How many artifacts (default: ${DEFAULT-VALUE}).")
    int artifacts;

    @Override
    public void run() {
        if (artifacts < 100) {
            throw new SoloException("--artifacts must be at least 100");
        }
        EvalCommand.quietLibraries();
        var result = new MemoryBenchmark(artifacts, new TerminalProgress(spec.commandLine().getErr())).run();
        spec.commandLine().getOut().println(Json.write(result));
        spec.commandLine().getOut().flush();
    }
}
