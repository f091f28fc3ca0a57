package solo.interfaces.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code solo}: the operating system of a one-person company. */
// scope INHERIT: every subcommand gets --help and --version too (its own name and description stay its own).
@Command(name = "solo", mixinStandardHelpOptions = true, version = "solo 0.1.0", scope = ScopeType.INHERIT,
        description = "The operating system of a one-person company: one store, one memory, durable flows, one inbox.",
        subcommands = {
            InitCommand.class,
            EntityCommand.class,
            NoteCommand.class,
            AuditCommand.class,
            SecretCommand.class,
            ImportCommand.class,
            EmailCommand.class,
            DemoCommand.class,
            BenchCommand.class,
            UpCommand.class,
            FlowCommand.class,
            RunsCommand.class,
            InboxCommand.class,
            KpiCommand.class,
            DigestCommand.class,
            PlaybooksCommand.class,
            GateCommand.class,
            TasksCommand.class,
            TokenCommand.class,
            McpCommand.class,
            IngestCommand.class,
            SearchCommand.class,
            ContextCommand.class,
            MemoryCommand.class,
            EvalCommand.class,
        })
public final class SoloCommand implements Runnable {
    @Spec
    CommandSpec spec;

    // Global options: accepted before or after any subcommand (solo --company X entity list, or ... list --json).
    @Option(names = "--company", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "The company folder (default: the working folder, or the nearest one above it with a solo.yaml).")
    Path company;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Print JSON for scripts instead of text.")
    boolean json;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
