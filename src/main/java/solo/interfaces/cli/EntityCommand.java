package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code solo entity ...}: the company's canonical records and the links between them. */
@Command(name = "entity", description = "Add, read, change, link and audit entities.",
        subcommands = {
            EntityAddCommand.class,
            EntityGetCommand.class,
            EntityListCommand.class,
            EntityUpdateCommand.class,
            EntityLinkCommand.class,
            EntityUnlinkCommand.class,
            EntityNeighboursCommand.class,
            EntityHistoryCommand.class,
            EntityRevertCommand.class,
        })
final class EntityCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
