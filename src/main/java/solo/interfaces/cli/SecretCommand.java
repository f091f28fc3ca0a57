package solo.interfaces.cli;

import picocli.CommandLine.Command;

@Command(name = "secret", description = "Secrets (API keys, passwords), sealed with AES-GCM; use them in solo.yaml as secret:NAME.",
        subcommands = {SecretSetCommand.class, SecretListCommand.class, SecretRmCommand.class})
final class SecretCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
