package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.JsonViews;
import solo.state.Entity;

@Command(name = "get", description = "Show an entity.")
final class EntityGetCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            Entity e = solo.store().get(id);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(JsonViews.entity(e));
            } else {
                out.line(EntityText.full(e));
            }
        }
    }
}
