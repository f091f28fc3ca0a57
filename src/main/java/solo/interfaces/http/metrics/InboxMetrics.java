package solo.interfaces.http.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import solo.interfaces.mcp.Inbox;

/** The inbox's size by kind of item: {@code solo_inbox_items{kind="gate|approval|outcome|budget|task"}}. */
public final class InboxMetrics implements MetricSource {
    private static final List<String> KINDS = List.of("gate", "approval", "outcome", "budget", "task");
    private final Inbox inbox;
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();
    private MeterRegistry registry;

    public InboxMetrics(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
        KINDS.forEach(this::gauge);
    }

    @Override
    public void refresh() {
        Map<String, Long> sizes = inbox.sizeByKind();
        byKind.forEach((kind, v) -> v.set(sizes.getOrDefault(kind, 0L)));
        sizes.forEach((kind, n) -> {
            if (kind != null) {
                gauge(kind).set(n);
            }
        });
    }

    private AtomicLong gauge(String kind) {
        return byKind.computeIfAbsent(kind, k -> {
            AtomicLong v = new AtomicLong();
            Gauge.builder("solo.inbox.items", v, AtomicLong::get).description("Items waiting in the operator's inbox, by kind")
                    .tag("kind", k).register(registry);
            return v;
        });
    }
}
