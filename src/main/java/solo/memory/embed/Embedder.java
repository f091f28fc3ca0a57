package solo.memory.embed;

import java.util.List;

/**
 * Turns text into a unit-length vector for meaning search. Implementations run in-process so that
 * memory works offline; vectors are normalized so that a dot product is the cosine similarity.
 */
public interface Embedder {

    /** Embeds a search query (some models want queries phrased differently from passages). */
    float[] embedQuery(String text);

    /** Embeds passages to be indexed, in input order. */
    List<float[]> embedPassages(List<String> texts);

    /** Vector length. */
    int dimension();

    /** A stable name, recorded in the index so that a model change forces a rebuild. */
    String name();
}
