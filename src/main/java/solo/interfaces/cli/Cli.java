package solo.interfaces.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import solo.support.SoloException;

/**
 * Runs the command line. Errors are one line on stderr: refused input and failures exit 1, usage
 * mistakes 2, and a bug exits 70 with its stack trace in the log instead of on screen.
 */
public final class Cli {
    public static final int REFUSED = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 70;

    private Cli() {}

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(out, err);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new SoloCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExpandAtFiles(false); // "--body @file.json" is ours to read, not picocli's argument file
        cli.setParameterExceptionHandler((ex, args) -> {
            err.println("solo: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
            err.println("(see: solo " + String.join(" ", subcommandPath(ex.getCommandLine())) + " --help)");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof SoloException || ex instanceof IllegalArgumentException) {
                err.println("solo: " + ex.getMessage());
                return REFUSED;
            }
            org.slf4j.LoggerFactory.getLogger(Cli.class).error("internal error", ex);
            err.println("solo: internal error: " + ex + " (this is a bug; the stack trace is in the log)");
            return INTERNAL;
        });
        return cli;
    }

    private static java.util.List<String> subcommandPath(CommandLine c) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (CommandLine x = c; x != null && x.getParent() != null; x = x.getParent()) {
            names.addFirst(x.getCommandName());
        }
        return names;
    }
}
