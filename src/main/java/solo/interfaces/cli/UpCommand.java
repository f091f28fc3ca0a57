package solo.interfaces.cli;

import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.http.Up;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.server.ServerSettings;

/**
 * {@code solo up}: runs the company in the foreground (the runtime's worker, cron schedules, entity-event,
 * webhook and email triggers, durable waits; the HTTP API, the cockpit and /metrics on 127.0.0.1:7070)
 * until Ctrl-C or SIGTERM, then closes cleanly: the server stops taking requests, runs stop at a step
 * boundary and go back to the queue for the next start.
 */
@Command(name = "up", description = "Run the company in the foreground: flows, schedules, triggers, the API and the cockpit."
        + " Ctrl-C stops it cleanly.")
final class UpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the API and cockpit (default: server.port, 7070; 0 = any free port).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to serve on (default: server.host, 127.0.0.1).")
    String host;

    @Option(names = "--public", description = "Allow an address other than loopback (the network can then reach the company).")
    boolean allowPublic;

    @Override
    public void run() {
        Solo solo = common.open();
        Up up;
        try {
            ServerSettings settings = ServerSettings.read(solo.company().config()).withPublic(allowPublic);
            settings = port != null ? settings.withPort(port) : settings;
            settings = host != null ? settings.withHost(host) : settings;
            // an invalid flow does not stop the others: say what is wrong with it, then run the rest
            solo.orchestrator().flows().validate().forEach(p -> spec.commandLine().getErr().println("solo: warning: " + p));
            String newToken = tokenIfNone(solo);
            up = Up.start(solo, settings);
            Printer out = new Printer(spec, common);
            out.line("solo up: %s on %s (%s), worker %s; flows: %s; serving %s. Ctrl-C to stop.",
                    solo.company().config().name(), solo.company().dir(), solo.store().storage().kind(),
                    solo.orchestrator().workerId(), String.join(", ", solo.orchestrator().flows().names()), up.server().uri());
            if (newToken != null) {
                out.line("This company had no access token; here is one (shown only now; solo token new replaces it): %s",
                        newToken);
            }
        } catch (RuntimeException e) {
            solo.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Up running = up;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                running.close();
            } finally {
                stopped.countDown();
            }
        }, "solo-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A company made before tokens existed (or by a test) gets one on its first {@code solo up}. */
    private static String tokenIfNone(Solo solo) {
        AccessTokens tokens = new AccessTokens(solo.store().storage(), Clock.systemUTC());
        return tokens.exists() ? null : tokens.replace();
    }
}
