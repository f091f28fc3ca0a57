package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.bench.ApiBenchmark;
import solo.support.Json;

@Command(name = "api", description = "The HTTP API and cockpit under load on loopback, with 100,000 entities (SQLite),"
        + " and search over a company of indexed artifacts.")
final class BenchApiCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--entities", defaultValue = "100000", description = "Entities in the company (default: ${DEFAULT-VALUE}).")
    int entities;

    @Option(names = "--seconds", defaultValue = "10", description = "How long each timed phase runs (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--clients", defaultValue = "32", description = "Concurrent callers of the API (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--search-artifacts", defaultValue = "2000",
            description = "Artifacts indexed (with the embedding model) for the search phase (default: ${DEFAULT-VALUE}).")
    int searchArtifacts;

    @Option(names = "--search-clients", defaultValue = "4", description = "Concurrent callers of search (default: ${DEFAULT-VALUE}).")
    int searchClients;

    @Override
    public void run() {
        var result = new ApiBenchmark(entities, seconds, clients, searchArtifacts, searchClients,
                new TerminalProgress(spec.commandLine().getErr())).run();
        spec.commandLine().getOut().println(Json.write(result));
        spec.commandLine().getOut().flush();
    }
}
