package solo.orchestration.flow;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often a failing step is tried and how long to wait in between: exponential backoff from
 * {@code backoff}, capped at {@code maxBackoff}, with jitter so that many runs failing together do not
 * retry together. Errors named in {@code nonRetryable} (by exception class or error code) fail at once.
 */
public record RetryPolicy(int attempts, Duration backoff, Duration maxBackoff, Set<String> nonRetryable) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofMinutes(1), Set.of());

    /** The wait before attempt {@code next} (2 or more): half fixed, half random, never above the cap. */
    public Duration delayBefore(int next) {
        double exp = backoff.toMillis() * Math.pow(2, Math.max(0, next - 2));
        long capped = (long) Math.min(maxBackoff.toMillis(), exp);
        long half = capped / 2;
        return Duration.ofMillis(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }
}
