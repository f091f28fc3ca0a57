package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.state.Actor;

@Command(name = "unlink", description = "Remove the link FROM TYPE TO.")
final class EntityUnlinkCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FROM")
    String from;

    @Parameters(index = "1", paramLabel = "TYPE")
    String type;

    @Parameters(index = "2", paramLabel = "TO")
    String to;

    @Option(names = "--reason", description = "Why, for the history.")
    String reason;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            solo.store().unlink(Actor.OPERATOR, reason, from, type, to);
            new Printer(spec, common).line("unlinked %s -%s-> %s", from, type, to);
        }
    }
}
