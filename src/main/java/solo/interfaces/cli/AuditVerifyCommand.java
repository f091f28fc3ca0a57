package solo.interfaces.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.state.audit.ChainReport;
import solo.support.Json;

@Command(name = "verify", description = "Recompute every event's hash; name the first broken event and exit 1 if any.")
final class AuditVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        try (Solo solo = common.open()) {
            ChainReport report = solo.store().verify();
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(Json.object().put("ok", report.ok()).put("events", report.events())
                        .put("first_broken_event", report.firstBrokenSeq()).put("problem", report.problem()));
            } else if (report.ok()) {
                out.line(report.toString());
            } else {
                spec.commandLine().getErr().println("solo: " + report);
            }
            return report.ok() ? 0 : Cli.REFUSED;
        }
    }
}
