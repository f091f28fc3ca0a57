package solo.interfaces.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.demo.Demo;

/** {@code solo demo}: a sample company in a temporary folder, filled and shown. */
@Command(name = "demo", description = "Create a sample company in a temporary folder, fill it, and show what it holds.")
final class DemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Create the sample company here instead of a temporary folder.")
    Path dir;

    @Override
    public void run() {
        new Demo(spec.commandLine().getOut()).run(dir);
    }
}
