package solo.execution;

import java.time.Clock;
import solo.execution.agent.AgentInvoker;
import solo.execution.agent.Agents;
import solo.execution.budget.Budgets;
import solo.execution.cache.ResponseCache;
import solo.execution.escalation.Escalation;
import solo.execution.ledger.Ledger;
import solo.execution.model.ModelRouter;
import solo.execution.policy.PolicyEngine;
import solo.execution.secret.SecretResolver;
import solo.execution.tool.MemorySearch;
import solo.execution.tool.ReadTools;
import solo.state.Store;

/**
 * The execution layer, wired: what the runtime calls to run agent steps ({@link #invoker()}), to check
 * actions ({@link #policies()}, {@link #escalation()}) and budgets ({@link #budgets()}), and what the
 * interfaces read ({@link #ledger()}).
 */
public final class Execution {
    private final ExecutionConfig config;
    private final Ledger ledger;
    private final ResponseCache cache;
    private final Budgets budgets;
    private final ModelRouter router;
    private final AgentInvoker invoker;
    private final PolicyEngine policies;

    private Execution(ExecutionConfig config, Store store, Clock clock, SecretResolver secrets, MemorySearch memory) {
        this.config = config;
        this.ledger = new Ledger(store.storage(), clock, config.zone());
        this.cache = new ResponseCache(store.storage(), clock);
        this.budgets = new Budgets(config.budgets(), ledger, config.prices());
        this.router = new ModelRouter(config.models(), secrets);
        this.invoker = AgentInvoker.create(config.agents(), router, cache, ledger, budgets, new ReadTools(store, memory));
        this.policies = new PolicyEngine(config.policies(), store, config.escalation().catalog());
    }

    public static Execution open(ExecutionConfig config, Store store, Clock clock, SecretResolver secrets, MemorySearch memory) {
        return new Execution(config, store, clock, secrets, memory);
    }

    public ExecutionConfig config() {
        return config;
    }

    public Agents agents() {
        return config.agents();
    }

    public AgentInvoker invoker() {
        return invoker;
    }

    public PolicyEngine policies() {
        return policies;
    }

    public Escalation escalation() {
        return config.escalation();
    }

    public Budgets budgets() {
        return budgets;
    }

    public Ledger ledger() {
        return ledger;
    }

    public ResponseCache cache() {
        return cache;
    }

    public ModelRouter router() {
        return router;
    }
}
