package solo.memory.retrieval;

/**
 * The few knobs of hybrid retrieval. The defaults were chosen on half of the retrieval benchmark's
 * conversations and checked on the other half (see {@code src/main/java/solo/memory/README.md}).
 *
 * @param candidates      how many chunks each first-stage list (BM25, each vector field) proposes
 * @param semanticWeight  share of meaning in the fused score (0 = BM25 only, 1 = vectors only)
 * @param contextWeight   share of the in-context vector in the meaning signal (0 = the chunk alone)
 * @param speakerBoost    added when the chunk's author is a speaker the question names
 * @param timeBoost       added when the chunk was written on, or talks about, a date the question names
 * @param neighbourWeight share of the better adjacent chunk's score a chunk inherits
 * @param threadWeight    share of its thread's best score a chunk inherits
 */
public record RetrievalSettings(
        int candidates,
        double semanticWeight,
        double contextWeight,
        double speakerBoost,
        double timeBoost,
        double neighbourWeight,
        double threadWeight) {

    public RetrievalSettings {
        if (candidates < 1) {
            throw new IllegalArgumentException("candidates must be at least 1");
        }
    }

    public static RetrievalSettings defaults() {
        return new RetrievalSettings(100, 0.6, 0.5, 0.2, 0.2, 0.5, 0.25);
    }
}
