package solo.interfaces.cli;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.memory.MemoryQuery;
import solo.memory.retrieval.Hit;
import solo.memory.retrieval.SearchFilter;
import solo.memory.sync.StoreDocuments;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "search", description = "Search memory (words and meaning), in one entity, it and its neighbours, or the company.")
final class SearchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "TEXT", arity = "1..*", description = "What to look for.")
    List<String> words;

    @Option(names = "--entity", paramLabel = "ID", description = "Search this entity's memory (default: the whole company).")
    String entity;

    @Option(names = "--neighbours", paramLabel = "N", defaultValue = "0",
            description = "With --entity: also the entities up to N links away (default: ${DEFAULT-VALUE}).")
    int neighbours;

    @Option(names = "--kind", paramLabel = "K", description = "Only artifacts of this kind (note, email, document, entity...; repeatable).")
    Set<String> kinds;

    @Option(names = "--author", paramLabel = "NAME", description = "Only what this author wrote (repeatable).")
    Set<String> authors;

    @Option(names = "--since", paramLabel = "TIME", description = "Only written at or after this time (2024-05-01 or an instant).")
    String since;

    @Option(names = "--until", paramLabel = "TIME", description = "Only written at or before this time.")
    String until;

    @Option(names = "--limit", defaultValue = "10", description = "How many hits (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public void run() {
        if (neighbours > 0 && entity == null) {
            throw new SoloException("--neighbours needs --entity");
        }
        SearchFilter filter = new SearchFilter(kinds == null ? Set.of() : kinds, authors == null ? Set.of() : authors,
                time("--since", since), time("--until", until));
        MemoryQuery q = new MemoryQuery(String.join(" ", words), entity, neighbours, filter, limit);
        try (Solo solo = common.open()) {
            List<Hit> hits = solo.memory().search(q);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                ArrayNode a = Json.mapper().createArrayNode();
                for (Hit h : hits) {
                    var c = h.chunk();
                    a.add(Json.object().put("source", c.sourceId()).put("chunk", c.id()).put("kind", c.kind())
                            .put("title", c.title()).put("author", c.author()).put("time", Instant.ofEpochMilli(c.time()).toString())
                            .put("start", c.position().start()).put("end", c.position().end())
                            .put("score", Math.round(h.score() * 10000) / 10000.0).put("text", c.text()));
                }
                out.json(a);
                return;
            }
            if (hits.isEmpty()) {
                out.line("nothing found");
            }
            int i = 0;
            for (Hit h : hits) {
                var c = h.chunk();
                out.line("%d. %s %s%s  (%s%s, %.3f)", ++i, c.kind(), c.sourceId(), c.title().isEmpty() ? "" : " \"" + c.title() + "\"",
                        Printer.time(Instant.ofEpochMilli(c.time())), c.author().isEmpty() ? "" : ", " + c.author(), h.score());
                String text = c.text().replaceAll("\\s+", " ").strip();
                out.line("   %s", text.length() > 200 ? text.substring(0, 199) + "…" : text);
            }
        }
    }

    private static Long time(String option, String value) {
        if (value == null) {
            return null;
        }
        try {
            return StoreDocuments.parseTime(value).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            throw new SoloException(option + ": '" + value + "' is not a date (2024-05-01) or a time (2024-05-01T10:00:00Z)");
        }
    }
}
