package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.support.SoloException;

@Command(name = "rm", description = "Remove a secret.")
final class SecretRmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            if (!solo.secrets().remove(name)) {
                throw new SoloException("no secret named " + name + " (see: solo secret list)");
            }
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(java.util.Map.of("removed", name));
            } else {
                out.line("removed secret " + name);
            }
        }
    }
}
