package solo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyTemplate;
import solo.state.Store;

/**
 * A JUnit 5 extension that gives each test a fresh company (from the {@code solo init} template) on a
 * fresh database, and removes both afterwards:
 *
 * <pre>{@code @RegisterExtension TestCompany company = TestCompany.instance().withDatabase(Database.POSTGRES);}</pre>
 */
public final class TestCompany implements BeforeEachCallback, AfterEachCallback {
    private Database database = Database.SQLITE;
    private Clock clock = Clock.systemUTC();
    private boolean open = true;
    private boolean shippedFlows;
    private java.util.function.Consumer<Solo.Builder> customize = b -> { };
    private Path root;
    private Company company;
    private String databaseUrl;
    private Solo solo;

    private TestCompany() {}

    public static TestCompany instance() {
        return new TestCompany();
    }

    public TestCompany withDatabase(Database database) {
        this.database = database;
        return this;
    }

    public TestCompany withClock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Adjusts how Solo is opened (agent functions, actions, a guard, runtime settings), as a test's own wiring. */
    public TestCompany withSolo(java.util.function.Consumer<Solo.Builder> customizer) {
        this.customize = customizer;
        return this;
    }

    /**
     * Keeps the flows {@code solo init} ships (lead intake and qualification, content, invoices). Without this a
     * test company has none, so that their triggers do not start runs in tests about something else.
     */
    public TestCompany withShippedFlows() {
        this.shippedFlows = true;
        return this;
    }

    /** Creates the folder and database but does not open Solo (for tests that run the CLI or a child process). */
    public TestCompany closed() {
        this.open = false;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        root = Files.createTempDirectory("solo-test-");
        company = CompanyTemplate.init(root.resolve("company"), "Test Company");
        if (!shippedFlows) {
            try (Stream<Path> flows = Files.list(company.flowsDir())) {
                for (Path f : flows.toList()) {
                    Files.delete(f);
                }
            }
        }
        databaseUrl = database.newUrl();
        if (databaseUrl != null) {
            // Tests that run the CLI or child processes find the database through solo.yaml, as operators do.
            Path config = company.dir().resolve(Company.CONFIG_FILE);
            Files.writeString(config, Files.readString(config).replace("url: \"\"", "url: \"" + databaseUrl + "\""));
            company = Company.open(company.dir());
        }
        if (open) {
            solo = reopen();
        }
    }

    /** Opens Solo on this company again (as a restarted process would). */
    public Solo reopen() {
        Solo.Builder builder = Solo.builder(company).withDatabaseUrl(databaseUrl).withClock(clock);
        customize.accept(builder);
        return builder.open();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (solo != null) {
            solo.close();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    public Solo solo() {
        return solo;
    }

    public Store store() {
        return solo.store();
    }

    public Company company() {
        return company;
    }

    public Path dir() {
        return company.dir();
    }

    public String databaseUrl() {
        return databaseUrl;
    }

    public Database database() {
        return database;
    }
}
