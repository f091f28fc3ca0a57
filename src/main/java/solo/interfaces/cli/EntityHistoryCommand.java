package solo.interfaces.cli;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.JsonViews;
import solo.state.Event;
import solo.state.NotFoundException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

@Command(name = "history", description = "Every version of an entity, and its links: who, when, why, what changed.")
final class EntityHistoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ID")
    String id;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            List<Event> events = solo.store().history(id);
            if (events.isEmpty()) {
                throw NotFoundException.entity(id);
            }
            Printer out = new Printer(spec, common);
            if (out.json()) {
                var array = Json.mapper().createArrayNode();
                events.forEach(e -> array.add(JsonViews.event(e)));
                out.json(array);
                return;
            }
            for (Event e : events) {
                String version = e.version() == null ? "" : "v" + e.version() + " ";
                out.line("%s  %s%-16s by %-24s %s", Printer.time(e.at()), version, e.kind(), e.actor().text(),
                        e.reason() == null ? "" : "— " + e.reason());
                String change = describe(e);
                if (!change.isEmpty()) {
                    out.line("      " + change);
                }
            }
        }
    }

    /** What changed, field by field: "score: 40 → 80; status: set to qualified". */
    static String describe(Event e) {
        if (e.kind().startsWith("link.")) {
            return (e.kind().equals(Event.LINK_ADDED) ? "+ " : "- ") + e.subject() + " -" + e.subjectType() + "-> " + e.object();
        }
        JsonNode before = e.before() == null ? Json.object() : Json.read(e.before());
        JsonNode after = e.after() == null ? Json.object() : Json.read(e.after());
        Set<String> fields = new TreeSet<>(before.propertyNames());
        fields.addAll(after.propertyNames());
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            JsonNode b = before.get(f);
            JsonNode a = after.get(f);
            if (b != null && b.equals(a)) {
                continue;
            }
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(f).append(": ").append(b == null ? "∅" : Json.write(b)).append(" → ")
                    .append(a == null ? "∅" : Json.write(a));
        }
        return sb.toString();
    }
}
