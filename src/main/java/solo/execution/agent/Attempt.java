package solo.execution.agent;

import java.util.List;
import solo.state.Violation;

/**
 * One model call made for an invocation, as recorded on the step: what kind of call it was
 * ({@code answer}, {@code repair}, {@code tools}), the raw answer, what was wrong with it, and its cost.
 * A call that failed has no answer and an {@code error}.
 */
public record Attempt(int number, String kind, String provider, String model, String answer, List<Violation> violations,
                      long inputTokens, long outputTokens, long costMicros, boolean cacheHit, long latencyMillis,
                      String error) {
    public Attempt {
        violations = violations == null ? List.of() : List.copyOf(violations);
    }
}
