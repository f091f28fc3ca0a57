package solo.app;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import solo.company.Company;
import solo.orchestration.Orchestrator;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionGuard;
import solo.orchestration.action.Actions;
import solo.orchestration.kinds.AgentFunction;
import solo.orchestration.kinds.AgentFunctions;
import solo.orchestration.runtime.RuntimeSettings;
import solo.orchestration.step.StepKind;
import solo.state.Store;
import solo.state.internal.DefaultStore;
import solo.state.schema.CompanySchema;
import solo.state.storage.Storage;
import solo.state.storage.Storages;

/**
 * Wires Solo for one company, in plain code and in one place: tests start exactly what production
 * starts. Nothing is changed after {@link Builder#open()}; closing releases everything it opened.
 */
public final class Solo implements AutoCloseable {
    private final Company company;
    private final Store store;
    private final Orchestrator orchestrator;

    private Solo(Company company, Store store, Orchestrator orchestrator) {
        this.company = company;
        this.store = store;
        this.orchestrator = orchestrator;
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

    /** Flows, runs and their controls; {@code orchestrator().start()} runs the worker and triggers ({@code solo up}). */
    public Orchestrator orchestrator() {
        return orchestrator;
    }

    @Override
    public void close() {
        orchestrator.close();
        store.close();
    }

    /** Overrides for tests and tools; production uses the defaults. */
    public static final class Builder {
        private final Company company;
        private String databaseUrl;
        private Clock clock = Clock.systemUTC();
        private RuntimeSettings runtimeSettings;
        private final AgentFunctions agents = AgentFunctions.builtIn();
        private final Actions actions = Actions.builtIn();
        private ActionGuard guard = ActionGuard.ALLOW_ALL;
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

        public Builder withRuntimeSettings(RuntimeSettings settings) {
            this.runtimeSettings = settings;
            return this;
        }

        /** An agent function for {@code agent: NAME} steps (until real agents exist). */
        public Builder withAgentFunction(String name, AgentFunction function) {
            agents.register(name, function);
            return this;
        }

        public Builder withAction(Action action) {
            actions.register(action);
            return this;
        }

        /** The guard asked before every action (policies); the default allows everything. */
        public Builder withActionGuard(ActionGuard actionGuard) {
            this.guard = actionGuard;
            return this;
        }

        public Builder withStepKind(StepKind kind) {
            extraKinds.add(kind);
            return this;
        }

        public Solo open() {
            // The schema is read first: a broken schema file must stop us before the database is touched.
            CompanySchema schema = CompanySchema.load(company.schemaDir());
            RuntimeSettings settings = runtimeSettings != null ? runtimeSettings
                    : RuntimeSettings.read(company.config().document());
            Storage storage = Storages.open(databaseUrl, company.sqliteFile());
            Store store = new DefaultStore(storage, schema, clock);
            Orchestrator orchestrator = new Orchestrator(store, company.dir(),
                    new Orchestrator.Plugins(agents, actions, guard, extraKinds), settings, clock);
            return new Solo(company, store, orchestrator);
        }
    }
}
