package solo.memory;

import java.util.Objects;
import solo.memory.retrieval.SearchFilter;

/**
 * A search as the operator, an agent or a context pack asks it: text, a scope (one entity, the entity and
 * its neighbours up to {@code neighbours} links away, or the company when {@code entityId} is null),
 * metadata filters and how many hits.
 */
public record MemoryQuery(String text, String entityId, int neighbours, SearchFilter filter, int limit) {
    public static final int MAX_NEIGHBOURS = 5;

    public MemoryQuery {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("the search text is empty");
        }
        if (neighbours < 0 || neighbours > MAX_NEIGHBOURS) {
            throw new IllegalArgumentException("neighbours must be from 0 to " + MAX_NEIGHBOURS + ", not " + neighbours);
        }
        if (entityId == null && neighbours > 0) {
            throw new IllegalArgumentException("neighbours needs an entity");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be from 1 to 1000, not " + limit);
        }
        filter = Objects.requireNonNullElse(filter, SearchFilter.NONE);
    }

    public static MemoryQuery company(String text, int limit) {
        return new MemoryQuery(text, null, 0, SearchFilter.NONE, limit);
    }

    public static MemoryQuery entity(String text, String entityId, int neighbours, int limit) {
        return new MemoryQuery(text, entityId, neighbours, SearchFilter.NONE, limit);
    }
}
