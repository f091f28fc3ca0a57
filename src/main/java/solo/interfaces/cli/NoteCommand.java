package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code solo note ...}: notes and files attached to entities. */
@Command(name = "note", description = "Attach notes and files to entities.", subcommands = NoteAddCommand.class)
final class NoteCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
