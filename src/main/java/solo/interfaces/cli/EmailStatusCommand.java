package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.execution.email.EmailSender;
import solo.support.SoloException;

@Command(name = "status", description = "What became of the email sent under an idempotency key.")
final class EmailStatusCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "KEY")
    String key;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            EmailSender.SendRecord r = solo.email().record(key).orElseThrow(() ->
                    new SoloException("no email was sent under the key " + key));
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(r);
            } else {
                out.line("%s  %s  %s by %s, %d attempt(s), %s%s", r.idempotencyKey(), r.messageId(), r.state(), r.transport(),
                        r.attempts(), Printer.time(r.updatedAt()), r.detail() == null ? "" : "  " + r.detail());
            }
        }
    }
}
