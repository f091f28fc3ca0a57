package solo.memory.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import solo.memory.MemoryEngine;

/** The shipped default model loads from the class path, offline, and embeds sensibly. */
class EmbeddingModelsTest {
    private final Embedder embedder = MemoryEngine.DEFAULT_MODEL.load(Runnable::run);

    @Test
    void vectorsAreUnitLengthAndDeterministic() {
        float[] a = embedder.embedQuery("When is the invoice due?");
        assertThat(a).hasSize(embedder.dimension());
        assertThat(Vectors.dot(a, a)).isCloseTo(1f, within(1e-4f));
        assertThat(embedder.embedQuery("When is the invoice due?")).containsExactly(a);
    }

    @Test
    void similarMeaningsAreCloser() {
        float[] q = embedder.embedQuery("When do I have to pay the bill?");
        List<float[]> p = embedder.embedPassages(List.of(
                "The invoice is due at the end of the month.", "We adopted a puppy last weekend."));
        assertThat(Vectors.dot(q, p.get(0))).isGreaterThan(Vectors.dot(q, p.get(1)));
    }
}
