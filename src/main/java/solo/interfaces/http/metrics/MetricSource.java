package solo.interfaces.http.metrics;

import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Meters for {@code /metrics}: bound once to the registry when the server starts, then {@link #refresh}ed
 * before every scrape (read what they measure from the database then, not on every change). Model
 * tokens and cost (from the ledger) and the inbox's size plug in as sources like {@link RunMetrics}:
 * write one and list it in {@code SoloServer}.
 */
public interface MetricSource extends MeterBinder {
    /** Reads fresh values; called on the scrape's thread, just before the registry is written out. */
    default void refresh() {}
}
