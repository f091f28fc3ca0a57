package solo.app;

import java.time.Clock;
import solo.company.Company;
import solo.execution.Execution;
import solo.execution.ExecutionConfig;
import solo.execution.secret.EnvSecretResolver;
import solo.execution.secret.SecretResolver;
import solo.execution.tool.MemorySearch;
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
    private final Execution execution;

    private Solo(Company company, Store store, Execution execution) {
        this.company = company;
        this.store = store;
        this.execution = execution;
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

    /** Agents, models, the ledger and cache, budgets, policies and escalation. */
    public Execution execution() {
        return execution;
    }

    @Override
    public void close() {
        store.close();
    }

    /** Overrides for tests and tools; production uses the defaults. */
    public static final class Builder {
        private final Company company;
        private String databaseUrl;
        private Clock clock = Clock.systemUTC();
        private SecretResolver secrets = new EnvSecretResolver();
        private MemorySearch memorySearch = MemorySearch.NONE;

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

        public Builder withSecrets(SecretResolver secrets) {
            this.secrets = secrets;
            return this;
        }

        public Builder withMemorySearch(MemorySearch memorySearch) {
            this.memorySearch = memorySearch;
            return this;
        }

        public Solo open() {
            // Definitions are read first: a broken schema, agent or policy file must stop us before the
            // database is touched.
            CompanySchema schema = CompanySchema.load(company.schemaDir());
            ExecutionConfig executionConfig = ExecutionConfig.load(company, schema);
            Storage storage = Storages.open(databaseUrl, company.sqliteFile());
            Store store = new DefaultStore(storage, schema, clock);
            return new Solo(company, store, Execution.open(executionConfig, store, clock, secrets, memorySearch));
        }
    }
}
