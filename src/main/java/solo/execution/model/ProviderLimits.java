package solo.execution.model;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How hard Solo presses one provider, shared by every run: at most {@code concurrency} requests in
 * flight and at most {@code requestsPerMinute} started per minute (requests are spaced evenly).
 */
public final class ProviderLimits {
    private final Semaphore inFlight;
    private final long spacingNanos;
    private long nextStart;

    public ProviderLimits(int concurrency, int requestsPerMinute) {
        this.inFlight = new Semaphore(concurrency, true);
        this.spacingNanos = requestsPerMinute <= 0 ? 0 : TimeUnit.MINUTES.toNanos(1) / requestsPerMinute;
        this.nextStart = System.nanoTime();
    }

    /** Waits for a slot; pair with {@link #release()}. */
    public void acquire() throws InterruptedException {
        inFlight.acquire();
        try {
            long wait = reserveStart();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } catch (InterruptedException e) {
            inFlight.release();
            throw e;
        }
    }

    public void release() {
        inFlight.release();
    }

    private synchronized long reserveStart() {
        long now = System.nanoTime();
        long start = Math.max(now, nextStart);
        nextStart = start + spacingNanos;
        return start - now;
    }
}
