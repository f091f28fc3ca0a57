package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.execution.email.EmailReceived;
import solo.execution.email.PollReport;

@Command(name = "poll", description = "Read new inbound mail once (email.imap or email.maildir) and store each message as an artifact.")
final class EmailPollCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            PollReport report = solo.emailPoller().pollOnce();
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(report);
                return;
            }
            for (EmailReceived e : report.stored()) {
                out.line("%s  %s  from %s  %s%s", e.artifactId(), e.threadId(), e.from(), e.subject(),
                        e.entityIds().isEmpty() ? "" : "  -> " + String.join(", ", e.entityIds()));
            }
            report.problems().forEach(p -> out.line("unreadable: " + p));
            out.line(report.summary());
        }
    }
}
