package solo.memory.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    @Test
    void recallCountsRelevantIdsInTheTopK() {
        List<String> ranked = List.of("a", "b", "c", "d");
        assertThat(RankingMetrics.recall(ranked, List.of("b", "d", "z"), 2)).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(RankingMetrics.recall(ranked, List.of("b", "d", "z"), 4)).isCloseTo(2 / 3.0, within(1e-9));
        assertThat(RankingMetrics.recall(ranked, List.of(), 4)).isZero();
    }

    @Test
    void ndcgUsesBinaryGainsAndTheIdealOrder() {
        assertThat(RankingMetrics.ndcg(List.of("a", "b"), List.of("a"), 10)).isEqualTo(1.0);
        double expected = (1 / (Math.log(3) / Math.log(2))) / 1.0;
        assertThat(RankingMetrics.ndcg(List.of("x", "a"), List.of("a"), 10)).isCloseTo(expected, within(1e-9));
        assertThat(RankingMetrics.ndcg(List.of("x", "y"), List.of("a"), 10)).isZero();
    }

    @Test
    void percentilesPickRanks() {
        double[] sorted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        assertThat(RetrievalEval.percentile(sorted, 50)).isEqualTo(5);
        assertThat(RetrievalEval.percentile(sorted, 95)).isEqualTo(10);
    }
}
