package solo.interfaces.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.imports.CsvImport;
import solo.interfaces.imports.ImportReport;
import solo.interfaces.imports.RowRefusal;

@Command(name = "import", description = {"Import entities from a CSV file: the header row names the type's fields (and id).",
        "Each row is written on its own; refused rows are reported with row, field and rule. Exit code 1 when any was refused."})
final class ImportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE.csv")
    Path file;

    @Option(names = "--type", required = true, paramLabel = "TYPE", description = "The entity type of every row (a file in schema/).")
    String type;

    @Option(names = "--dry-run", description = "Check every row and report, but write nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        try (Solo solo = common.open()) {
            ImportReport report = new CsvImport(solo.store()).run(file, type, dryRun,
                    new TerminalProgress(spec.commandLine().getErr()));
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(report);
            } else {
                for (RowRefusal r : report.refusals()) {
                    out.line("refused " + r);
                }
                out.line(report.summary());
            }
            return report.refusals().isEmpty() ? 0 : Cli.REFUSED;
        }
    }
}
