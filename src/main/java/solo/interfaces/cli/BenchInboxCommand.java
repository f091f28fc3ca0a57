package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.bench.InboxBenchmark;
import solo.support.Json;
import solo.support.SoloException;

@Command(name = "inbox", description = "The inbox with 10,000 waiting items made by real runs: first page and one decision, in ms.")
final class BenchInboxCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--items", defaultValue = "10000", description = "Waiting items to make (default: ${DEFAULT-VALUE}).")
    int items;

    @Option(names = "--postgres", description = "On PostgreSQL (one started for the benchmark, or --db-url) instead of SQLite.")
    boolean postgres;

    @Option(names = "--db-url", description = "Run against this PostgreSQL database (it must be empty).")
    String dbUrl;

    @Override
    public void run() {
        if (items < 100 || items > 1_000_000) {
            throw new SoloException("--items must be from 100 to 1000000");
        }
        var result = new InboxBenchmark(items, new TerminalProgress(spec.commandLine().getErr())).run(dbUrl, postgres);
        spec.commandLine().getOut().println(Json.write(result));
        spec.commandLine().getOut().flush();
    }
}
