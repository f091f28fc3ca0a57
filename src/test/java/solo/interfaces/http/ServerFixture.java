package solo.interfaces.http;

import java.time.Clock;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import solo.app.Solo;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.server.ServerSettings;
import solo.testing.TestCompany;

/**
 * A real Solo server for a test: a fresh company (from {@link TestCompany}), its access token, and
 * {@link SoloServer} on a free port of 127.0.0.1, with the runtime's worker running, as {@code solo up}
 * starts them. Register it after the company: {@code @RegisterExtension @Order(2)}.
 */
public final class ServerFixture implements BeforeEachCallback, AfterEachCallback {
    private final TestCompany company;
    private Consumer<TestCompany> prepare = c -> { };
    private boolean worker = true;
    private SoloServer server;
    private String token;

    public ServerFixture(TestCompany company) {
        this.company = company;
    }

    /** Runs before the server starts (to write flows, for instance). */
    public ServerFixture before(Consumer<TestCompany> preparation) {
        this.prepare = preparation;
        return this;
    }

    /** Serves without the runtime's worker: runs stay queued. */
    public ServerFixture withoutWorker() {
        this.worker = false;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        prepare.accept(company);
        Solo solo = company.solo();
        token = new AccessTokens(solo.store().storage(), Clock.systemUTC()).replace();
        server = SoloServer.start(solo, ServerSettings.defaults().withPort(0).withMaxBodyBytes(64 * 1024));
        if (worker) {
            solo.orchestrator().start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public Api api() {
        return new Api(server.uri(), token);
    }

    public String token() {
        return token;
    }

    public SoloServer server() {
        return server;
    }

    public Solo solo() {
        return company.solo();
    }
}
