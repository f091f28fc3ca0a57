package solo.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import solo.company.Company;
import solo.execution.Execution;
import solo.execution.ExecutionConfig;
import solo.execution.assistant.AssistantGuard;
import solo.execution.context.ContextPacks;
import solo.execution.email.EmailSendAction;
import solo.execution.email.OperatorEmail;
import solo.execution.escalation.Escalation;
import solo.execution.flow.AgentStepKind;
import solo.execution.flow.OperatorTasks;
import solo.execution.flow.PolicyGuard;
import solo.execution.ledger.LedgerUsage;
import solo.execution.ledger.PriceTable;
import solo.execution.email.EmailConfig;
import solo.execution.email.EmailPoller;
import solo.execution.email.EmailSender;
import solo.execution.publish.PublishAction;
import solo.execution.secret.SecretKeys;
import solo.execution.secret.Secrets;
import solo.execution.tool.MemorySearch;
import solo.execution.webhook.HooksConfig;
import solo.execution.webhook.HttpAction;
import solo.execution.webhook.HttpActions;
import solo.execution.webhook.Webhooks;
import solo.memory.Memory;
import solo.memory.MemoryConfig;
import solo.memory.embed.Embedder;
import solo.orchestration.Orchestrator;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionGuard;
import solo.orchestration.action.Actions;
import solo.orchestration.kinds.AgentFunction;
import solo.orchestration.kinds.AgentFunctions;
import solo.orchestration.report.DigestSettings;
import solo.orchestration.report.ModelUsage;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RuntimeSettings;
import solo.orchestration.step.StepKind;
import solo.state.Store;
import solo.state.internal.DefaultStore;
import solo.state.schema.CompanySchema;
import solo.state.storage.Storage;
import solo.state.storage.Storages;
import solo.support.Lazy;

/**
 * Wires Solo for one company, in plain code and in one place: tests start exactly what production
 * starts. Nothing is changed after {@link Builder#open()}; closing releases everything it opened.
 */
public final class Solo implements AutoCloseable {
    private final Company company;
    private final Store store;
    private final Lazy<Execution> execution;
    private final Outside outside;
    private final Orchestrator orchestrator;
    private final OperatorTasks tasks;
    private final Lazy<Memory> memory;
    private final Lazy<MemoryMaintenance> maintenance;
    private final MemorySearch memorySearch;
    private final ContextPacks contextPacks;
    private final AssistantGuard assistantGuard;

    /** The parts that touch the outside world: secrets, email, webhooks, the http action. */
    private record Outside(Secrets secrets, EmailSender email, EmailPoller emailPoller, Webhooks webhooks,
            HttpActions http) {}

    private Solo(Company company, Store store, Lazy<Execution> execution, Outside outside, Orchestrator orchestrator,
            OperatorTasks tasks, Lazy<Memory> memory, Clock clock, MemorySearch memorySearch, ContextPacks contextPacks,
            AssistantGuard assistantGuard) {
        this.company = company;
        this.store = store;
        this.execution = execution;
        this.outside = outside;
        this.orchestrator = orchestrator;
        this.tasks = tasks;
        this.memory = memory;
        this.maintenance = Lazy.of(() -> new MemoryMaintenance(memory.get(), new RunEndWatcher(store, memory.get(), clock)));
        this.memorySearch = memorySearch;
        this.contextPacks = contextPacks;
        this.assistantGuard = assistantGuard;
    }

    public static Solo open(Company company) {
        return builder(company).open();
    }

    public static Builder builder(Company company) {
        return new Builder(company);
    }

    public Company company() {
        return company;
    }

    public Store store() {
        return store;
    }

    /**
     * Agents, models, the ledger and cache, budgets, policies and escalation. Loaded on first use (their
     * definitions take a second to compile, which commands about entities should not pay); a broken agent
     * or policy file is refused then, naming its file, line and column.
     */
    public Execution execution() {
        return execution.get();
    }

    /** Flows, runs and their controls; {@code orchestrator().start()} runs the worker and triggers ({@code solo up}). */
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    /**
     * Memory: the index under {@code .solo/memory/} that follows the store, scoped search, context packs,
     * summaries, working memory, retention. Opened on first use (the embedding model loads in about a second).
     */
    public Memory memory() {
        return memory.get();
    }

    /** Starts memory's background work ({@code solo up}): the index follows the log, summaries, ended runs. */
    public void startMemory() {
        maintenance.get().start();
    }

    /** Agent steps the operator answers in a model's place (a tier with no model): list, show, answer. */
    public OperatorTasks tasks() {
        return tasks;
    }

    /** Search over the company's memory (what agents' {@code search_memory} and the MCP server use). */
    public MemorySearch memorySearch() {
        return memorySearch;
    }

    /** The token-budgeted context pack about one entity for one task (agent steps, the MCP server). */
    public ContextPacks contextPacks() {
        return contextPacks;
    }

    /** The company's policies over what the operator's AI assistant asks for (the MCP server's writes). */
    public AssistantGuard assistantGuard() {
        return assistantGuard;
    }

    /** The company's sealed secrets; also the resolver of {@code secret:NAME} and {@code env:NAME} references. */
    public Secrets secrets() {
        return outside.secrets();
    }

    /** The {@code email.send} action (SMTP, or the outbox folder). */
    public EmailSender email() {
        return outside.email();
    }

    /** Inbound email (IMAP or maildir); {@code start()} it to poll on a schedule. */
    public EmailPoller emailPoller() {
        return outside.emailPoller();
    }

    /** Inbound webhooks: what {@code POST /hooks/NAME} calls. */
    public Webhooks webhooks() {
        return outside.webhooks();
    }

    /** The {@code http} action. */
    public HttpActions http() {
        return outside.http();
    }

    @Override
    public void close() {
        orchestrator.close();
        outside.emailPoller().close();
        if (maintenance.isMade()) {
            maintenance.get().close();
        }
        if (memory.isMade()) {
            memory.get().close();
        }
        store.close();
    }

    /**
     * Webhook deliveries and inbound emails start the flows that name them ({@code webhook: NAME},
     * {@code email.received}), in the transaction that records the delivery or the message.
     */
    private static void wireInboundTriggers(Outside outside, Orchestrator orchestrator) {
        var triggers = orchestrator.inboundTriggers();
        outside.webhooks().addListener((tx, d) -> triggers.hookDelivered(tx, d.hook(), d.deliveryId(), d.payload()));
        outside.emailPoller().addListener((tx, m) -> triggers.emailReceived(tx, EmailTriggerView.of(m)));
    }

    /** Overrides for tests and tools; production uses the defaults. */
    public static final class Builder {
        private final Company company;
        private String databaseUrl;
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment = System.getenv();
        private MemorySearch memorySearch; // null: memory's scoped retriever
        private Embedder memoryEmbedder; // null: the model solo.yaml's memory.model names
        private RuntimeSettings runtimeSettings;
        private final AgentFunctions agents = AgentFunctions.builtIn();
        private final Actions actions = Actions.builtIn();
        private ActionGuard guard; // null: the company's policies and escalation thresholds
        private ContextPacks contextPacks;
        private final List<StepKind> extraKinds = new ArrayList<>();

        private Builder(Company company) {
            this.company = company;
            this.databaseUrl = company.databaseUrl();
        }

        public Builder withDatabaseUrl(String url) {
            this.databaseUrl = url;
            return this;
        }

        public Builder withClock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The environment seen by secrets ({@code SOLO_SECRET_KEY}, {@code env:NAME} references). */
        public Builder withEnvironment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        public Builder withMemorySearch(MemorySearch memorySearch) {
            this.memorySearch = memorySearch;
            return this;
        }

        /** The embedding model memory uses (tests use a small deterministic one); default: solo.yaml's memory.model. */
        public Builder withMemoryEmbedder(Embedder embedder) {
            this.memoryEmbedder = embedder;
            return this;
        }

        public Builder withRuntimeSettings(RuntimeSettings settings) {
            this.runtimeSettings = settings;
            return this;
        }

        /** A Java function for {@code agent: NAME} steps whose NAME is not an agent in {@code agents/} (tests, benchmarks). */
        public Builder withAgentFunction(String name, AgentFunction function) {
            agents.register(name, function);
            return this;
        }

        public Builder withAction(Action action) {
            actions.register(action);
            return this;
        }

        /** The guard asked before every action; the default is the company's policies and escalation thresholds. */
        public Builder withActionGuard(ActionGuard actionGuard) {
            this.guard = actionGuard;
            return this;
        }

        /** How agent steps get their context pack; the default is memory's ({@code solo context}). */
        public Builder withContextPacks(ContextPacks packs) {
            this.contextPacks = packs;
            return this;
        }

        public Builder withStepKind(StepKind kind) {
            extraKinds.add(kind);
            return this;
        }

        public Solo open() {
            // Definitions and configuration are read first: a broken schema file or solo.yaml section must
            // stop us before the database is touched.
            CompanySchema schema = CompanySchema.load(company.schemaDir());
            EmailConfig emailConfig = EmailConfig.read(company);
            HooksConfig hooksConfig = HooksConfig.read(company);
            RuntimeSettings settings = runtimeSettings != null ? runtimeSettings
                    : RuntimeSettings.read(company.config().document());
            MemoryConfig memoryConfig = MemoryConfig.read(company.config().document());
            DigestSettings digest = DigestSettings.read(company.config().document());
            Storage storage = Storages.open(databaseUrl, company.sqliteFile());
            Store store = new DefaultStore(storage, schema, clock);
            Secrets secrets = new Secrets(storage, company.dir(),
                    new SecretKeys(SecretKeys.defaultDir(environment), environment), environment, clock);
            Outside outside = new Outside(secrets, new EmailSender(store, emailConfig, secrets, clock),
                    new EmailPoller(store, emailConfig, secrets, clock), new Webhooks(storage, hooksConfig, secrets, clock),
                    new HttpActions(hooksConfig.outbound(), secrets));
            AtomicReference<Lazy<Memory>> memoryRef = new AtomicReference<>();
            MemorySearch search = memorySearch != null ? memorySearch : new MemoryToolSearch(() -> memoryRef.get().get());
            Lazy<Execution> execution = Lazy.of(() ->
                    Execution.open(ExecutionConfig.load(company, schema), store, clock, secrets, search));
            // Memory stands below execution; the summarizer agent reaches it through memory's Summarizer seam.
            AgentSummarizer agentSummarizer = new AgentSummarizer(execution);
            Lazy<Memory> memory = Lazy.of(() -> memoryEmbedder != null
                    ? Memory.open(store, company.dataDir().resolve("memory"), memoryConfig, memoryEmbedder, clock, () -> agentSummarizer)
                    : Memory.open(store, company.dataDir().resolve("memory"), memoryConfig, clock, () -> agentSummarizer));
            memoryRef.set(memory);
            // Execution plugs into the runtime's seams: the agent kind, the policies as the guard, email and http.
            AtomicReference<Orchestrator> wired = new AtomicReference<>();
            Supplier<RunControl> runs = () -> wired.get().runs();
            ContextPacks packs = contextPacks != null ? contextPacks : new MemoryContextPacks(memory);
            List<StepKind> kinds = new ArrayList<>(List.of(new AgentStepKind(execution, packs, company.agentsDir(), agents,
                    settings.agentConcurrency())));
            kinds.addAll(extraKinds);
            ActionGuard policies = guard != null ? guard : new PolicyGuard(execution,
                    Lazy.of(() -> Escalation.read(company.config().document()).catalog()), runs, outside.email()::entitiesOf);
            for (Action a : List.of(new EmailSendAction(outside.email()), new HttpAction(outside.http()),
                    new PublishAction(company.dir()))) {
                if (actions.find(a.name()).isEmpty()) {
                    actions.register(a);
                }
            }
            // The inbox checks task answers against the agents' contracts, mails the operator through the email
            // sender, and the KPIs and digest read the ledger's sums: execution fills those seams too.
            OperatorTasks tasks = new OperatorTasks(execution, runs);
            ModelUsage usage = new LedgerUsage(storage, () -> PriceTable.read(company.config().document()).currency());
            Orchestrator orchestrator = new Orchestrator(store, company, new Orchestrator.Plugins(agents, actions, policies,
                    kinds, tasks::problems, new OperatorEmail(outside.email(), company.config()), usage), settings, digest, clock);
            wired.set(orchestrator);
            wireInboundTriggers(outside, orchestrator);
            return new Solo(company, store, execution, outside, orchestrator, tasks, memory, clock,
                    search, packs, new AssistantGuard(execution, runs));
        }
    }
}
