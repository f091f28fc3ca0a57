package solo.interfaces.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.JsonViews;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Entity;
import solo.state.Write;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "add", description = "Create an entity of a declared type.")
final class EntityAddCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "TYPE", description = "The entity type (a file in schema/).")
    String type;

    @Option(names = "--body", paramLabel = "JSON", description = "The body as JSON, or @FILE.")
    String body;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Set a field (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--id", description = "Use this id instead of a generated one.")
    String id;

    @Option(names = "--reason", description = "Why, for the history.")
    String reason;

    @Override
    public void run() {
        JsonNode parsed = body == null ? Json.object() : Bodies.parse(body);
        if (!set.isEmpty()) {
            if (!(parsed instanceof ObjectNode o)) {
                throw new SoloException("--body must be a JSON object to combine it with --set");
            }
            parsed = Bodies.set(o, set);
        }
        try (Solo solo = common.open()) {
            Entity e = solo.store().write(Write.of(Actor.OPERATOR, reason,
                    new Change.CreateEntity(type, id, parsed))).entity();
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(JsonViews.entity(e));
            } else {
                out.line("created " + EntityText.full(e));
            }
        }
    }
}
