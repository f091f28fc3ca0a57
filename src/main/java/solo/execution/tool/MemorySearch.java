package solo.execution.tool;

import java.util.List;

/**
 * Memory search as the {@code search_memory} tool sees it. The memory layer implements it (BM25 and vectors,
 * scoped); until it is wired, {@link #NONE} finds nothing, which agents are told plainly.
 */
public interface MemorySearch {

    /**
     * @param query what to look for
     * @param scopeEntity the entity whose neighbourhood bounds the search, or null for the whole company
     * @param limit at most this many hits, best first
     */
    List<MemoryHit> search(String query, String scopeEntity, int limit);

    MemorySearch NONE = (query, scopeEntity, limit) -> List.of();
}
