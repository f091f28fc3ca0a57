package solo.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, and their percentiles in milliseconds. */
final class Latencies {
    private long[] samples = new long[1024];
    private int size;

    synchronized void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.size; i++) {
            add(other.samples[i]);
        }
    }

    synchronized int count() {
        return size;
    }

    /** The p-th percentile (0-100) in milliseconds, rounded to microseconds. */
    synchronized double percentileMs(double p) {
        if (size == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * size) - 1;
        return round(sorted[Math.max(0, Math.min(size - 1, index))] / 1e6);
    }

    static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }
}
