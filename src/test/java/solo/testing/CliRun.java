package solo.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import solo.interfaces.cli.Cli;

/** Runs the {@code solo} command line in-process, as an operator would type it, and keeps what it printed. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs {@code solo --company DIR args...}. */
    public static CliRun in(Path company, String... args) {
        List<String> all = new ArrayList<>(List.of("--company", company.toString()));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    public static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The error output's lines (a refused command prints exactly one). */
    public List<String> errLines() {
        return err.lines().toList();
    }
}
