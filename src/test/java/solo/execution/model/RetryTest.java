package solo.execution.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Backoff with jitter and a cap, and the server's Retry-After in its three spellings. */
class RetryTest {
    final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));

    @Test
    void backoff_grows_exponentially_with_jitter_up_to_the_cap() {
        for (int i = 0; i < 50; i++) {
            assertThat(policy.delay(1, Optional.empty())).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
            assertThat(policy.delay(3, Optional.empty())).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(policy.delay(9, Optional.empty())).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        }
    }

    @Test
    void a_longer_retry_after_wins_over_the_backoff() {
        assertThat(policy.delay(1, Optional.of(Duration.ofSeconds(2)))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void retry_after_is_read_in_seconds_milliseconds_or_as_a_date() {
        assertThat(RetryAfter.parse(Map.of("Retry-After", List.of("3")))).hasValue(Duration.ofSeconds(3));
        assertThat(RetryAfter.parse(Map.of("retry-after-ms", List.of("250")))).hasValue(Duration.ofMillis(250));
        String date = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(30).format(DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(RetryAfter.parse(Map.of("retry-after", List.of(date))).orElseThrow()).isBetween(Duration.ofSeconds(25),
                Duration.ofSeconds(31));
        assertThat(RetryAfter.parse(Map.of("Retry-After", List.of("soon")))).isEmpty();
        assertThat(RetryAfter.parse(Map.of())).isEmpty();
    }
}
