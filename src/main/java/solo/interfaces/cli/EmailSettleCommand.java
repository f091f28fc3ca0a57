package solo.interfaces.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.execution.email.EmailSender;

@Command(name = "settle", description = {"Settle an email whose outcome is unknown, once you know:",
        "--sent marks it sent; --not-sent lets the next send of its key go out."})
final class EmailSettleCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "KEY")
    String key;

    static final class Answer {
        @Option(names = "--sent", required = true)
        boolean sent;

        @Option(names = "--not-sent", required = true)
        boolean notSent;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Answer answer;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            EmailSender.SendRecord r = solo.email().settle(key, answer.sent ? EmailSender.Settlement.SENT : EmailSender.Settlement.NOT_SENT);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(r);
            } else {
                out.line("settled " + key + ": " + r.state());
            }
        }
    }
}
