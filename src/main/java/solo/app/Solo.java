package solo.app;

import java.time.Clock;
import java.util.Map;
import solo.company.Company;
import solo.execution.email.EmailConfig;
import solo.execution.email.EmailPoller;
import solo.execution.email.EmailSender;
import solo.execution.secret.SecretKeys;
import solo.execution.secret.Secrets;
import solo.execution.webhook.HooksConfig;
import solo.execution.webhook.HttpActions;
import solo.execution.webhook.Webhooks;
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

    /** The execution layer's parts that stand on the state alone: secrets, email, webhooks, the http action. */
    private record Execution(Secrets secrets, EmailSender email, EmailPoller emailPoller, Webhooks webhooks,
            HttpActions http) {}

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

    /** The company's sealed secrets; also the resolver of {@code secret:NAME} and {@code env:NAME} references. */
    public Secrets secrets() {
        return execution.secrets();
    }

    /** The {@code email.send} action (SMTP, or the outbox folder). */
    public EmailSender email() {
        return execution.email();
    }

    /** Inbound email (IMAP or maildir); {@code start()} it to poll on a schedule. */
    public EmailPoller emailPoller() {
        return execution.emailPoller();
    }

    /** Inbound webhooks: what {@code POST /hooks/NAME} calls. */
    public Webhooks webhooks() {
        return execution.webhooks();
    }

    /** The {@code http} action. */
    public HttpActions http() {
        return execution.http();
    }

    @Override
    public void close() {
        execution.emailPoller().close();
        store.close();
    }

    /** Overrides for tests and tools; production uses the defaults. */
    public static final class Builder {
        private final Company company;
        private String databaseUrl;
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment = System.getenv();

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

        public Solo open() {
            // The schema and configuration are read first: a broken file must stop us before the database is touched.
            CompanySchema schema = CompanySchema.load(company.schemaDir());
            EmailConfig emailConfig = EmailConfig.read(company);
            HooksConfig hooksConfig = HooksConfig.read(company);
            Storage storage = Storages.open(databaseUrl, company.sqliteFile());
            Store store = new DefaultStore(storage, schema, clock);
            Secrets secrets = new Secrets(storage, company.dir(),
                    new SecretKeys(SecretKeys.defaultDir(environment), environment), environment, clock);
            Execution execution = new Execution(secrets, new EmailSender(store, emailConfig, secrets, clock),
                    new EmailPoller(store, emailConfig, secrets, clock), new Webhooks(storage, hooksConfig, secrets, clock),
                    new HttpActions(hooksConfig.outbound(), secrets));
            return new Solo(company, store, execution);
        }
    }
}
