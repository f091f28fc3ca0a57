package solo.memory.retrieval;

import java.util.List;

/** Finds the chunks most relevant to a request, best first, never outside the request's scope. */
public interface Retriever {
    List<Hit> search(SearchRequest request);
}
