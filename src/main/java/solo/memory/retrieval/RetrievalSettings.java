package solo.memory.retrieval;

/**
 * The few knobs of hybrid retrieval. Defaults are the measured choice; see the memory README.
 *
 * @param candidates      how many chunks each first-stage retriever (BM25, each vector field) proposes
 * @param fusion          how the lexical and semantic rankings are combined
 * @param semanticWeight  share of the semantic signal in weighted fusion (0 = BM25 only, 1 = vectors only)
 * @param contextWeight   share of the in-context vector in the semantic signal (0 = the chunk alone)
 * @param neighbourWeight how much a chunk inherits from its best adjacent chunk in the thread
 * @param authorWeight    BM25 weight of the speaker/author field relative to the text
 */
public record RetrievalSettings(
        int candidates,
        Fusion fusion,
        double semanticWeight,
        double contextWeight,
        double neighbourWeight,
        double authorWeight) {

    public enum Fusion { RRF, WEIGHTED }

    public static RetrievalSettings defaults() {
        return new RetrievalSettings(100, Fusion.WEIGHTED, 0.5, 0.5, 0.0, 1.0);
    }
}
