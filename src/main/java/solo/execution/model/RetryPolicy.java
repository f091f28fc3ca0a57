package solo.execution.model;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries of one HTTP call on 429, 5xx and timeouts: exponential backoff with jitter and a cap, or the
 * server's {@code Retry-After} when it says more. A server that asks for longer than
 * {@code maxRetryAfter} is not waited for: the call fails as rate limited, so a run never hangs.
 */
public record RetryPolicy(int maxRetries, Duration base, Duration cap, Duration maxRetryAfter) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofSeconds(120));

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry, Optional<Duration> retryAfter) {
        long exp = base.toMillis() << Math.min(20, retry - 1);
        long capped = Math.min(cap.toMillis(), exp);
        // "equal jitter": half fixed, half random, so that retries of parallel runs spread out but never collapse to zero
        long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
        return retryAfter.filter(ra -> ra.toMillis() > jittered).orElse(Duration.ofMillis(jittered));
    }
}
