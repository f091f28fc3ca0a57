package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code solo bench ...}: benchmarks that print one JSON line each. */
@Command(name = "bench", description = "Measure Solo on this machine; each benchmark prints one JSON line.",
        subcommands = {BenchStoreCommand.class, BenchEngineCommand.class, BenchApiCommand.class, BenchMemoryCommand.class,
            BenchInboxCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
