package solo.interfaces.http;

import solo.app.Solo;
import solo.interfaces.http.server.ServerSettings;

/**
 * What {@code solo up} runs in one process: the runtime (worker, schedules, triggers), the email poller when
 * solo.yaml configures one, and the HTTP server. Closing stops the server first (no new requests), then
 * the runtime at a step boundary, then the database.
 */
public final class Up implements AutoCloseable {
    private final Solo solo;
    private final SoloServer server;

    private Up(Solo solo, SoloServer server) {
        this.solo = solo;
        this.server = server;
    }

    /** Starts everything; the bind is checked first, so a refused address starts nothing. */
    public static Up start(Solo solo, ServerSettings settings) {
        settings.checkBind();
        SoloServer server = SoloServer.start(solo, settings);
        try {
            solo.orchestrator().start();
            solo.startMemory();
            if (solo.emailPoller().configured()) {
                solo.emailPoller().start();
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return new Up(solo, server);
    }

    public SoloServer server() {
        return server;
    }

    public Solo solo() {
        return solo;
    }

    @Override
    public void close() {
        server.close();
        solo.close();
    }
}
