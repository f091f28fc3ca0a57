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
import solo.state.Neighbour;
import solo.support.Json;

@Command(name = "neighbours", aliases = "neighbors", description = "Entities linked to this one, up to a depth.")
final class EntityNeighboursCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--depth", defaultValue = "1", description = "How many links away (default: ${DEFAULT-VALUE}).")
    int depth;

    @Override
    public void run() {
        if (depth < 1 || depth > 5) {
            throw new IllegalArgumentException("--depth must be between 1 and 5");
        }
        try (Solo solo = common.open()) {
            solo.store().get(id);
            List<Neighbour> neighbours = solo.store().neighbours(id, depth);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                var array = Json.mapper().createArrayNode();
                neighbours.forEach(n -> array.add(JsonViews.neighbour(n)));
                out.json(array);
                return;
            }
            for (Neighbour n : neighbours) {
                String arrow = n.outgoing() ? "-" + n.via().type() + "->" : "<-" + n.via().type() + "-";
                out.line("%s%-18s %s", "  ".repeat(n.depth() - 1), arrow, EntityText.row(n.entity()));
            }
            if (neighbours.isEmpty()) {
                out.line("no linked entities");
            }
        }
    }
}
