package solo.memory.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryAnalysisTest {
    private static final List<String> AUTHORS = List.of("Ana Lima", "Ben");

    @Test
    void separatesNamedSpeakersFromContent() {
        QueryAnalysis q = QueryAnalysis.of("What did Ana's client say to Ben about pricing?", AUTHORS);
        assertThat(q.speakers()).containsExactly("ana", "ben");
        assertThat(q.content()).isEqualTo("What did client say to about pricing?");
        assertThat(q.names("Ana Lima")).isTrue();
        assertThat(q.names("Carla")).isFalse();
    }

    @Test
    void keepsTheQuestionWhenOnlyNamesRemain() {
        QueryAnalysis q = QueryAnalysis.of("Ben?", AUTHORS);
        assertThat(q.content()).isEqualTo("Ben?");
        assertThat(q.speakers()).containsExactly("ben");
    }

    @Test
    void aQuestionWithoutKnownNamesIsUnchanged() {
        QueryAnalysis q = QueryAnalysis.of("Which invoices are overdue since March 2024?", AUTHORS);
        assertThat(q.content()).isEqualTo(q.text());
        assertThat(q.speakers()).isEmpty();
        assertThat(q.dates()).hasSize(1);
    }
}
