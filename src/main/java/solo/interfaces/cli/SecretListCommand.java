package solo.interfaces.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.execution.secret.SecretInfo;

@Command(name = "list", description = "List the secrets: names and dates, never values.")
final class SecretListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            List<SecretInfo> secrets = solo.secrets().list();
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(secrets);
                return;
            }
            if (secrets.isEmpty()) {
                out.line("no secrets (set one with: solo secret set NAME)");
            }
            for (SecretInfo s : secrets) {
                out.line("%-32s set %s, changed %s", s.name(), Printer.time(s.createdAt()), Printer.time(s.updatedAt()));
            }
        }
    }
}
