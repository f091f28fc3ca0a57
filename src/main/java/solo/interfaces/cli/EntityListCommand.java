package solo.interfaces.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.JsonViews;
import solo.state.Entity;

@Command(name = "list", description = "List entities, of one type or all, by id.")
final class EntityListCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "TYPE", arity = "0..1", description = "Only this type.")
    String type;

    @Option(names = "--limit", defaultValue = "100")
    int limit;

    @Option(names = "--after", paramLabel = "ID", description = "Start after this id (for paging).")
    String after;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            if (type != null) {
                solo.store().schema().type(type);
            }
            List<Entity> entities = solo.store().list(type, after, limit);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(JsonViews.entities(entities));
                return;
            }
            entities.forEach(e -> out.line(EntityText.row(e)));
            out.line("%d shown of %d", entities.size(), solo.store().count(type));
        }
    }
}
