package solo.app;

import java.time.Clock;
import solo.company.Company;
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

    private Solo(Company company, Store store) {
        this.company = company;
        this.store = store;
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

    @Override
    public void close() {
        store.close();
    }

    /** Overrides for tests and tools; production uses the defaults. */
    public static final class Builder {
        private final Company company;
        private String databaseUrl;
        private Clock clock = Clock.systemUTC();

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

        public Solo open() {
            // The schema is read first: a broken schema file must stop us before the database is touched.
            CompanySchema schema = CompanySchema.load(company.schemaDir());
            Storage storage = Storages.open(databaseUrl, company.sqliteFile());
            return new Solo(company, new DefaultStore(storage, schema, clock));
        }
    }
}
