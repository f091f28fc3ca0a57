package solo.interfaces.http.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import solo.state.storage.Storage;

/** {@code solo_inbox_items{kind}}: what waits in the inbox by kind, snoozed items included; one indexed query a scrape. */
public final class InboxMetrics implements MetricSource {
    static final String[] KINDS = {"gate", "approval", "task", "budget", "outcome", "failure"};
    private final Storage storage;
    private final Map<String, AtomicLong> byKind = new ConcurrentHashMap<>();

    public InboxMetrics(Storage storage) {
        this.storage = storage;
    }

    @Override
    public void bindTo(MeterRegistry r) {
        for (String kind : KINDS) {
            AtomicLong v = byKind.computeIfAbsent(kind, k -> new AtomicLong());
            Gauge.builder("solo.inbox.items", v, AtomicLong::get).description("Items waiting in the operator's inbox, by kind")
                    .tag("kind", kind).register(r);
        }
    }

    @Override
    public void refresh() {
        storage.read(sql -> {
            byKind.values().forEach(v -> v.set(0));
            sql.query("SELECT kind, count(*) FROM inbox_items WHERE is_open = 1 GROUP BY kind", rs -> {
                AtomicLong v = byKind.get(rs.getString(1));
                if (v != null) {
                    v.set(rs.getLong(2));
                }
                return null;
            });
            return null;
        });
    }
}
