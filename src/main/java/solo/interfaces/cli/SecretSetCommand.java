package solo.interfaces.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.execution.secret.SecretInfo;
import solo.support.SoloException;

@Command(name = "set", description = {"Set a secret. The value is read from standard input (typed without echo on a terminal),",
        "or given with --value (which your shell history keeps: prefer standard input)."})
final class SecretSetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "NAME", description = "The secret's name, e.g. SMTP_PASSWORD (then secret:SMTP_PASSWORD in solo.yaml).")
    String name;

    @Option(names = "--value", paramLabel = "VALUE", description = "The value (default: read from standard input).")
    String value;

    /** Standard input; tests put their own here. */
    static InputStream stdin = System.in;

    @Override
    public void run() {
        String v = value != null ? value : readValue();
        try (Solo solo = common.open()) {
            SecretInfo info = solo.secrets().set(name, v);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(info);
            } else {
                out.line("set secret " + info.name() + " (use it in solo.yaml as secret:" + info.name() + ")");
            }
        }
    }

    private String readValue() {
        java.io.Console console = System.console();
        if (console != null && stdin == System.in) {
            char[] typed = console.readPassword("value for %s (not shown): ", name);
            if (typed == null) {
                throw new SoloException("no value given for secret " + name);
            }
            return new String(typed);
        }
        try {
            String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            // one trailing newline is the shell's (echo, heredoc), not part of the secret
            return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                    : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        } catch (IOException e) {
            throw new SoloException("cannot read the secret's value from standard input: " + e.getMessage());
        }
    }
}
