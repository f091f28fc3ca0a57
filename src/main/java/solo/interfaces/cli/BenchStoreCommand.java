package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.bench.StoreBenchmark;
import solo.support.Json;

@Command(name = "store", description = "Durable entity writes from concurrent writers, reads, history and size, on SQLite and PostgreSQL.")
final class BenchStoreCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--db-url", description = "Run the PostgreSQL part against this server instead of one started for the benchmark.")
    String dbUrl;

    @Option(names = "--seconds", defaultValue = "5", description = "How long each timed phase runs (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--writers", defaultValue = "16", description = "Concurrent writers (default: ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--only", description = "sqlite or postgres (default: both).")
    String only;

    @Override
    public void run() {
        var result = new StoreBenchmark(seconds, writers, new TerminalProgress(spec.commandLine().getErr())).run(dbUrl, only);
        spec.commandLine().getOut().println(Json.write(result));
        spec.commandLine().getOut().flush();
    }
}
