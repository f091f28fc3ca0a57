package solo.interfaces.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.demo.Demo;
import solo.demo.DemoModels;

/** {@code solo demo}: a sample company in a temporary folder, its flagship flows run end to end and shown. */
@Command(name = "demo", description = "Create a sample company in a temporary folder, run its flagship flows end to end"
        + " on the embedded defaults, and show what they did.")
final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Create the sample company here instead of a temporary folder.")
    Path dir;

    @Option(names = "--models", paramLabel = "FILE", description = "A YAML file with models:, tiers: (and prices:, budgets:)"
            + " sections, as in solo.yaml, for the demo company: its agents then ask these models (API keys as env:NAME).")
    Path models;

    @Override
    public void run() {
        new Demo(spec.commandLine().getOut()).run(dir, models == null ? null : DemoModels.read(models));
    }
}
