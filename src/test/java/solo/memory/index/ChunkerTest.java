package solo.memory.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {
    private static final String SENTENCE = "Solo keeps the company's memory in one place and finds it again quickly. ";

    @Test
    void shortTextIsOneChunkCoveringTheText() {
        List<Chunker.Span> spans = new Chunker(200, 40).split("  Hello there.  ");
        assertThat(spans).singleElement().satisfies(s -> {
            assertThat(s.ordinal()).isZero();
            assertThat(s.text()).isEqualTo("Hello there.");
            assertThat("  Hello there.  ".substring(s.start(), s.end())).isEqualTo(s.text());
        });
    }

    @Test
    void blankTextHasNoChunks() {
        assertThat(new Chunker().split(" \n\t ")).isEmpty();
    }

    @Test
    void longTextSplitsIntoOverlappingChunksThatKeepTheirPositions() {
        String text = SENTENCE.repeat(40);
        List<Chunker.Span> spans = new Chunker(300, 80).split(text);

        assertThat(spans).hasSizeGreaterThan(5);
        for (int i = 0; i < spans.size(); i++) {
            Chunker.Span s = spans.get(i);
            assertThat(s.ordinal()).isEqualTo(i);
            assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text());
            assertThat(s.text().length()).isLessThanOrEqualTo(300);
            if (i > 0) {
                Chunker.Span prev = spans.get(i - 1);
                assertThat(s.start()).as("chunk %d overlaps the previous one", i).isLessThan(prev.end());
                assertThat(s.start()).as("chunk %d moves forward", i).isGreaterThan(prev.start());
            }
        }
        assertThat(spans.getFirst().start()).isZero();
        assertThat(spans.getLast().end()).isEqualTo(text.stripTrailing().length());
    }

    @Test
    void chunksEndOnSentenceBoundaries() {
        String text = SENTENCE.repeat(20);
        for (Chunker.Span s : new Chunker(300, 80).split(text)) {
            assertThat(s.text()).endsWith(".");
        }
    }

    @Test
    void aSentenceLongerThanAChunkIsCutBetweenWords() {
        String text = "word ".repeat(200);
        for (Chunker.Span s : new Chunker(100, 20).split(text)) {
            assertThat(s.text()).doesNotStartWith(" ").matches("(word ?)+");
        }
    }

    @Test
    void isDeterministic() {
        String text = SENTENCE.repeat(30) + "A last, different sentence!";
        assertThat(new Chunker(250, 60).split(text)).isEqualTo(new Chunker(250, 60).split(text));
    }

    @Test
    void rejectsSettingsThatCannotMakeProgress() {
        assertThatThrownBy(() -> new Chunker(100, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
