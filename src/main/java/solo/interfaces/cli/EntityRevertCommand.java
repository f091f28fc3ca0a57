package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.JsonViews;
import solo.state.Actor;
import solo.state.Entity;
import solo.state.NotFoundException;
import solo.state.Change;
import solo.state.Write;

@Command(name = "revert", description = "Restore the body an entity had at an older version, as a new version.")
final class EntityRevertCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--to", required = true, paramLabel = "VERSION", description = "The version to restore.")
    long to;

    @Option(names = "--version", paramLabel = "N", description = "The version you read (default: the current one).")
    Long version;

    @Option(names = "--reason", description = "Why, for the history.")
    String reason;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            long expected = version != null ? version
                    : solo.store().history(id).stream().filter(e -> e.version() != null && e.isEntityVersion())
                            .mapToLong(e -> e.version()).max()
                            .orElseThrow(() -> NotFoundException.entity(id));
            Entity e = solo.store().write(Write.of(Actor.OPERATOR, reason == null ? "revert to version " + to : reason,
                    new Change.RevertEntity(id, to, expected))).entity();
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(JsonViews.entity(e));
            } else {
                out.line("reverted to version %d as %s", to, EntityText.full(e));
            }
        }
    }
}
