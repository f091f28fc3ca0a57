package solo.interfaces.http.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import solo.execution.ledger.Ledger;
import solo.execution.ledger.LedgerTotal;

/**
 * Model calls, tokens and cost from the ledger, by provider and model: {@code solo_model_calls_total},
 * {@code solo_model_cache_hits_total}, {@code solo_model_tokens_total{direction="input|output"}} and
 * {@code solo_model_cost_total{currency}} (in the currency of solo.yaml's {@code prices}). They are read
 * from the ledger's sums before each scrape, so they count the calls of every process on the database.
 */
public final class ModelMetrics implements MetricSource {
    private final Ledger ledger;
    private final String currency;
    private final Map<String, AtomicReference<LedgerTotal>> byModel = new ConcurrentHashMap<>();
    private MeterRegistry registry;

    public ModelMetrics(Ledger ledger, String currency) {
        this.ledger = ledger;
        this.currency = currency;
    }

    @Override
    public void bindTo(MeterRegistry r) {
        this.registry = r;
        refresh();
    }

    @Override
    public void refresh() {
        for (LedgerTotal t : ledger.totals()) {
            AtomicReference<LedgerTotal> ref = byModel.get(t.provider() + "/" + t.model());
            if (ref == null) {
                register(t);
            } else {
                ref.set(t);
            }
        }
    }

    private void register(LedgerTotal t) {
        AtomicReference<LedgerTotal> ref = new AtomicReference<>(t);
        byModel.put(t.provider() + "/" + t.model(), ref);
        counter("solo.model.calls", "Model calls recorded in the ledger", ref, x -> x.calls(), t, null);
        counter("solo.model.cache_hits", "Model calls answered from the response cache", ref, x -> x.cacheHits(), t, null);
        counter("solo.model.tokens", "Tokens sent to and received from models", ref, x -> x.inputTokens(), t, "input");
        counter("solo.model.tokens", "Tokens sent to and received from models", ref, x -> x.outputTokens(), t, "output");
        FunctionCounter.builder("solo.model.cost", ref, r -> r.get().costMicros() / 1_000_000.0)
                .description("What model calls cost, in the currency of solo.yaml's prices").tag("provider", t.provider())
                .tag("model", t.model()).tag("currency", currency).register(registry);
    }

    private void counter(String name, String description, AtomicReference<LedgerTotal> ref,
            java.util.function.ToLongFunction<LedgerTotal> value, LedgerTotal t, String direction) {
        var b = FunctionCounter.builder(name, ref, r -> value.applyAsLong(r.get())).description(description)
                .tag("provider", t.provider()).tag("model", t.model());
        if (direction != null) {
            b.tag("direction", direction);
        }
        b.register(registry);
    }
}
