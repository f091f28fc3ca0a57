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
import solo.state.Entity;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

@Command(name = "update", description = "Change an entity: set or unset fields, merge a JSON patch, or replace the body.")
final class EntityUpdateCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID")
    String id;

    @Option(names = "--set", paramLabel = "FIELD=VALUE", description = "Set a field (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--unset", paramLabel = "FIELD", description = "Remove a field (repeatable).")
    List<String> unset = new ArrayList<>();

    @Option(names = "--merge", paramLabel = "JSON", description = "A JSON merge patch (RFC 7386), or @FILE.")
    String merge;

    @Option(names = "--replace", paramLabel = "JSON", description = "A whole new body, or @FILE.")
    String replace;

    @Option(names = "--version", paramLabel = "N",
            description = "The version you read; refused if the entity changed since (default: its current version).")
    Long version;

    @Option(names = "--reason", description = "Why, for the history.")
    String reason;

    @Override
    public void run() {
        if (set.isEmpty() && unset.isEmpty() && merge == null && replace == null) {
            throw new SoloException("nothing to change: give --set, --unset, --merge or --replace");
        }
        try (Solo solo = common.open()) {
            Entity current = solo.store().get(id);
            long expected = version != null ? version : current.version();
            JsonNode body = replace != null ? Bodies.parse(replace) : current.body().deepCopy();
            if (merge != null) {
                body = Bodies.mergePatch(body, Bodies.parse(merge));
            }
            if (body instanceof ObjectNode o) {
                Bodies.set(o, set);
                Bodies.unset(o, unset);
            } else if (!set.isEmpty() || !unset.isEmpty()) {
                throw new SoloException("--set and --unset need a JSON object body");
            }
            Entity updated = solo.store().update(Actor.OPERATOR, reason, id, expected, body);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(JsonViews.entity(updated));
            } else {
                out.line((updated.version() == current.version() ? "unchanged " : "updated ") + EntityText.full(updated));
            }
        }
    }
}
