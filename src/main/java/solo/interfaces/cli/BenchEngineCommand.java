package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.bench.EngineBenchmark;
import solo.support.Json;

@Command(name = "engine", description = "Durable no-op 5-step flows with 1, 16 and 256 runs in flight, step overhead, resume time; SQLite and PostgreSQL.")
final class BenchEngineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--db-url", description = "Run the PostgreSQL part against this server instead of one started for the benchmark.")
    String dbUrl;

    @Option(names = "--seconds", defaultValue = "5", description = "How long each timed phase runs (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--only", description = "sqlite or postgres (default: both).")
    String only;

    @Override
    public void run() {
        var result = new EngineBenchmark(seconds, new TerminalProgress(spec.commandLine().getErr())).run(dbUrl, only);
        spec.commandLine().getOut().println(Json.write(result));
        spec.commandLine().getOut().flush();
    }
}
