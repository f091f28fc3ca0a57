package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import solo.memory.Memory;
import solo.memory.MemoryQuery;
import solo.memory.retrieval.Hit;
import solo.memory.retrieval.SearchFilter;
import solo.state.Entity;
import solo.state.Store;

/**
 * Search across memory ({@code Memory.search}): the whole company, or one entity and optionally its neighbours,
 * narrowed to a kind of artifact; each hit links to its artifact or entity. A GET form, so it works without
 * JavaScript and a search is a link.
 */
final class SearchPages implements CockpitModule {
    static final List<String> KINDS = List.of("note", "email", "document", "transcript", "message", "draft", "summary", "entity");
    private static final int LIMIT = 20;
    private final Supplier<Memory> memory;
    private final Store store;

    SearchPages(Supplier<Memory> memory, Store store) {
        this.memory = memory;
        this.store = store;
    }

    @Override
    public void register(Cockpit c) {
        c.nav(NavSlot.SEARCH, "/search");
        c.routes().page("/search", ctx -> show(c, ctx));
    }

    private void show(Cockpit c, Context ctx) {
        String q = Forms.param(ctx, "q");
        String entity = Forms.param(ctx, "entity");
        String kind = Forms.param(ctx, "kind");
        int neighbours = 0;
        try {
            neighbours = Math.max(0, Math.min(MemoryQuery.MAX_NEIGHBOURS, Integer.parseInt(String.valueOf(Forms.param(ctx,
                    "neighbours")))));
        } catch (NumberFormatException e) {
            // this entity alone
        }
        Map<String, Object> model = new HashMap<>();
        model.put("q", q == null ? "" : q);
        model.put("entity", entity == null ? "" : entity);
        model.put("neighbours", neighbours);
        model.put("kind", kind == null ? "" : kind);
        model.put("kinds", KINDS);
        model.put("searched", q != null);
        model.put("hits", List.of());
        model.put("problem", "");
        if (entity != null) {
            model.put("entity_label", store.find(entity).map(Entity::label).orElse(""));
        }
        if (q != null) {
            if (entity != null && store.find(entity).isEmpty()) {
                model.put("problem", "no entity " + entity + ": searched nothing");
            } else {
                SearchFilter filter = new SearchFilter(kind == null ? Set.of() : Set.of(kind), Set.of(), null, null);
                List<Hit> hits = memory.get().search(new MemoryQuery(q, entity, entity == null ? 0 : neighbours, filter, LIMIT));
                model.put("hits", hits(hits));
            }
        }
        c.page(ctx, NavSlot.SEARCH, q == null ? "Search" : "Search: " + q, "search", model);
    }

    private List<Map<String, Object>> hits(List<Hit> hits) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Hit h : hits) {
            var chunk = h.chunk();
            boolean isEntity = "entity".equals(chunk.kind());
            Map<String, Object> m = new HashMap<>();
            m.put("href", (isEntity ? "/entities/" : "/artifacts/") + chunk.sourceId());
            String first = chunk.text().strip().replaceAll("\\s+", " ");
            m.put("title", !chunk.title().isEmpty() ? chunk.title() : first.length() > 60 ? first.substring(0, 59) + "…" : first);
            m.put("kind", chunk.kind());
            m.put("author", chunk.author());
            m.put("time", Forms.time(Instant.ofEpochMilli(chunk.time())));
            m.put("score", String.format(java.util.Locale.ROOT, "%.3f", h.score()));
            m.put("text", chunk.text().length() > 600 ? chunk.text().substring(0, 599) + "…" : chunk.text());
            List<Map<String, Object>> on = new ArrayList<>();
            for (String id : chunk.entityIds()) {
                if (!id.equals(chunk.sourceId())) {
                    on.add(Map.of("id", id, "label", store.find(id).map(Entity::label).orElse(id)));
                }
            }
            m.put("entities", on);
            out.add(m);
        }
        return out;
    }
}
