package solo.app;

import java.util.List;
import java.util.function.Supplier;
import solo.execution.tool.MemoryHit;
import solo.execution.tool.MemorySearch;
import solo.memory.Memory;
import solo.memory.MemoryQuery;
import solo.memory.retrieval.Hit;

/** The agents' {@code search_memory} tool on memory's scoped retriever: one hit per artifact or entity. */
final class MemoryToolSearch implements MemorySearch {
    private static final int EXCERPT = 400;
    private final Supplier<Memory> memory;

    MemoryToolSearch(Supplier<Memory> memory) {
        this.memory = memory;
    }

    @Override
    public List<MemoryHit> search(String query, String scopeEntity, int neighbours, int limit) {
        Memory m = memory.get();
        if (scopeEntity != null && m.store().find(scopeEntity).isEmpty()) {
            return List.of();
        }
        List<Hit> hits = m.search(new MemoryQuery(query, scopeEntity, scopeEntity == null ? 0 : neighbours, null, limit * 3));
        java.util.LinkedHashMap<String, MemoryHit> bySource = new java.util.LinkedHashMap<>();
        for (Hit h : hits) {
            var c = h.chunk();
            if (bySource.size() < limit && !bySource.containsKey(c.sourceId())) {
                String text = c.text().strip();
                bySource.put(c.sourceId(), new MemoryHit(c.sourceId(), c.kind(), c.title(),
                        text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "…", Math.round(h.score() * 1000) / 1000.0));
            }
        }
        return List.copyOf(bySource.values());
    }
}
