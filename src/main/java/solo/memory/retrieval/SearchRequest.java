package solo.memory.retrieval;

import java.util.Objects;
import solo.memory.index.Scope;

/** A question put to memory: its text, the scope it may see, how many hits, and optional filters. */
public record SearchRequest(String text, Scope scope, int limit, SearchFilter filter) {
    public SearchRequest {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scope, "scope: every search is scoped");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        filter = Objects.requireNonNullElse(filter, SearchFilter.NONE);
    }

    public SearchRequest(String text, Scope scope, int limit) {
        this(text, scope, limit, SearchFilter.NONE);
    }
}
