package solo.interfaces.http.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Prometheus registry behind {@code /metrics}, with its sources bound up front. */
public final class Metrics {
    private static final Logger LOG = LoggerFactory.getLogger(Metrics.class);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<MetricSource> sources;
    private final ReentrantLock scraping = new ReentrantLock();

    public Metrics(List<MetricSource> sources) {
        this.sources = List.copyOf(sources);
        this.sources.forEach(s -> s.bindTo(registry));
    }

    /** The text exposition format, after every source read its values. */
    public String scrape() {
        scraping.lock(); // two scrapes at once would read the same step latencies twice
        try {
            for (MetricSource s : sources) {
                try {
                    s.refresh();
                } catch (RuntimeException e) {
                    LOG.warn("metrics: {} failed to refresh: {}", s.getClass().getSimpleName(), e.toString());
                }
            }
            return registry.scrape();
        } finally {
            scraping.unlock();
        }
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}
