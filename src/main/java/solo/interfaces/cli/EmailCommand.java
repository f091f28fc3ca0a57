package solo.interfaces.cli;

import picocli.CommandLine.Command;

@Command(name = "email", description = "Send email (SMTP, or the outbox folder), read inbound mail, settle unknown outcomes.",
        subcommands = {EmailSendCommand.class, EmailPollCommand.class, EmailStatusCommand.class, EmailSettleCommand.class})
final class EmailCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
