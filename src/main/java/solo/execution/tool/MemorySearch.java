package solo.execution.tool;

import java.util.List;

/**
 * Memory search as the {@code search_memory} tool sees it. The memory layer implements it (BM25 and vectors,
 * scoped; {@code solo.app.Solo} plugs it in); {@link #NONE} finds nothing, which agents are told plainly.
 */
public interface MemorySearch {

    /**
     * @param query what to look for
     * @param scopeEntity the entity whose memory bounds the search, or null for the whole company
     * @param neighbours how many links away from {@code scopeEntity} the search reaches (0: the entity alone)
     * @param limit at most this many hits, best first
     */
    List<MemoryHit> search(String query, String scopeEntity, int neighbours, int limit);

    MemorySearch NONE = (query, scopeEntity, neighbours, limit) -> List.of();
}
