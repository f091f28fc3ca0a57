package solo.interfaces.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.execution.email.OutgoingEmail;
import solo.execution.email.SendOutcome;
import solo.state.Actor;
import solo.state.audit.HashChain;
import solo.support.Json;
import solo.support.SoloException;

@Command(name = "send", description = {"Send an email by SMTP, or into .solo/outbox/ when no SMTP is configured.",
        "Without --key the key is made from the email itself, so running the same command twice sends it once."})
final class EmailSendCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "A recipient (repeatable).")
    List<String> to;

    @Option(names = "--cc", paramLabel = "ADDRESS", description = "A copy recipient (repeatable).")
    List<String> cc = new ArrayList<>();

    @Option(names = "--subject", required = true)
    String subject;

    static final class Body {
        @Option(names = "--text", description = "The message's text.")
        String text;

        @Option(names = "--file", description = "A text file holding the message.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Body body;

    @Option(names = "--entity", paramLabel = "ID", description = "Also attach the sent email to this entity (repeatable).")
    List<String> entities = new ArrayList<>();

    @Option(names = "--reply-to-message", paramLabel = "MESSAGE-ID", description = "The Message-ID this answers (keeps the thread).")
    String inReplyTo;

    @Option(names = "--key", description = "The idempotency key (default: made from the email).")
    String key;

    @Override
    public void run() {
        String text = body.text != null ? body.text : read(body.file);
        OutgoingEmail email = new OutgoingEmail(null, to, cc, subject, text, inReplyTo, entities);
        String k = key != null ? key : "cli-" + HashChain.sha256(Json.write(email)).substring(0, 24);
        try (Solo solo = common.open()) {
            SendOutcome outcome = solo.email().send(email, k, Actor.OPERATOR);
            Printer out = new Printer(spec, common);
            switch (outcome) {
                case SendOutcome.Sent s -> report(out, outcome, "sent " + s.messageId() + " by " + s.transport()
                        + (s.transport().equals("outbox") ? " (into " + solo.email().config().outbox() + ")" : ""));
                case SendOutcome.AlreadySent s -> report(out, outcome, "already sent " + s.messageId()
                        + " under the key " + k + "; nothing sent now");
                case SendOutcome.OutcomeUnknown u -> throw new SoloException("outcome unknown for " + u.messageId() + ": "
                        + u.reason() + " (nothing sent now; settle with: solo email settle " + k + " --sent|--not-sent)");
                case SendOutcome.Failed f -> throw new SoloException("not sent: " + f.reason()
                        + (f.retryable() ? " (the same command retries it)" : ""));
            }
        }
    }

    private static void report(Printer out, SendOutcome outcome, String line) {
        if (out.json()) {
            out.json(((tools.jackson.databind.node.ObjectNode) Json.tree(outcome)).put("outcome", outcome.getClass().getSimpleName()));
        } else {
            out.line(line);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new SoloException(file + ": cannot read: " + e.getMessage());
        }
    }
}
