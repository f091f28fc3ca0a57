package solo.execution.agent;

import dev.langchain4j.data.message.ChatMessageSerializer;
import java.time.Clock;
import java.time.Instant;
import solo.execution.RunRef;
import solo.execution.budget.BudgetDecision;
import solo.execution.budget.Budgets;
import solo.execution.cache.CacheKey;
import solo.execution.cache.ResponseCache;
import solo.execution.ledger.Ledger;
import solo.execution.ledger.LedgerEntry;
import solo.execution.model.ModelCallException;
import solo.execution.model.ModelClient;
import solo.execution.model.ModelReply;
import solo.execution.model.ModelRequest;
import solo.support.Ids;

/**
 * One model call with everything around it: the response cache first (a hit makes no HTTP request), then
 * the budgets (a call that would exceed one is not made), then the call, and a ledger row whatever happened.
 */
final class ModelCaller {
    /** Output allowance assumed for a budget estimate when neither the agent nor the tier caps it. */
    private static final int DEFAULT_OUTPUT_ESTIMATE = 1024;

    sealed interface Result {}

    record Replied(ModelReply reply, String key, long costMicros) implements Result {}

    record OverBudget(BudgetDecision.Exceeded budget) implements Result {}

    record Broke(ModelCallException error, long latencyMillis) implements Result {}

    private final ResponseCache cache;
    private final Ledger ledger;
    private final Budgets budgets;
    private final Clock clock;

    ModelCaller(ResponseCache cache, Ledger ledger, Budgets budgets, Clock clock) {
        this.cache = cache;
        this.ledger = ledger;
        this.budgets = budgets;
        this.clock = clock;
    }

    Result call(ModelClient client, ModelRequest request, AgentDefinition agent, RunRef run, long spentMicros,
                boolean overBudgetApproved) {
        String key = CacheKey.of(client, request);
        var cached = cache.find(key);
        if (cached.isPresent()) {
            record(client, agent, run, key, cached.get(), 0, true, true, LedgerEntry.OK, null);
            return new Replied(cached.get(), key, 0);
        }
        if (overBudgetApproved) {
            return send(client, request, agent, run, key); // the operator let this one go past the budgets
        }
        Integer maxOut = client.maxOutputTokens(request);
        long estimate = budgets.estimate(client.provider(), client.model(), estimateTokens(request),
                maxOut == null ? DEFAULT_OUTPUT_ESTIMATE : maxOut);
        BudgetDecision d = budgets.checkAgent(agent.name(), agent.budget().maxCostMicros(), spentMicros, estimate);
        if (!(d instanceof BudgetDecision.Exceeded)) {
            d = budgets.check(run, estimate);
        }
        if (d instanceof BudgetDecision.Exceeded over) {
            return new OverBudget(over);
        }
        return send(client, request, agent, run, key);
    }

    private Result send(ModelClient client, ModelRequest request, AgentDefinition agent, RunRef run, String key) {
        long start = System.nanoTime();
        ModelReply reply;
        try {
            reply = client.chat(request);
        } catch (ModelCallException e) {
            long millis = (System.nanoTime() - start) / 1_000_000;
            record(client, agent, run, key, new ModelReply(dev.langchain4j.data.message.AiMessage.from(""), 0, 0, millis, false),
                    0, true, false, e.kind().name().toLowerCase(), e.getMessage());
            return new Broke(e, millis);
        }
        var cost = budgets.prices().cost(client.provider(), client.model(), reply.inputTokens(), reply.outputTokens());
        record(client, agent, run, key, reply, cost.orElse(0L), cost.isPresent(), false, LedgerEntry.OK, null);
        return new Replied(reply, key, cost.orElse(0L));
    }

    void remember(ModelClient client, String key, ModelReply reply) {
        if (!reply.cacheHit()) {
            cache.put(key, client.provider(), client.model(), reply);
        }
    }

    private void record(ModelClient client, AgentDefinition agent, RunRef run, String key, ModelReply reply, long cost,
                        boolean priced, boolean hit, String outcome, String detail) {
        Instant now = clock.instant();
        ledger.record(new LedgerEntry(Ids.next("call", clock), now, ledger.dayOf(now), run, agent.name(), client.provider(),
                client.model(), client.route().tier().text(), key, reply.inputTokens(), reply.outputTokens(),
                reply.latencyMillis(), cost, priced, hit, outcome, detail));
    }

    /** About four characters a token: enough to tell whether a call fits a budget. */
    private static long estimateTokens(ModelRequest request) {
        return ChatMessageSerializer.messagesToJson(request.messages()).length() / 4 + 1;
    }
}
