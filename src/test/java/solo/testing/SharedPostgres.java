package solo.testing;

import java.util.concurrent.atomic.AtomicInteger;
import solo.state.storage.postgres.LocalPostgres;

/**
 * One real PostgreSQL server for the whole test run (it takes seconds to start), with a fresh database
 * for every test that asks. Started on first use; stopped when the JVM exits.
 */
public final class SharedPostgres {
    private static LocalPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private SharedPostgres() {}

    public static synchronized LocalPostgres server() {
        if (server == null) {
            server = LocalPostgres.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** The JDBC URL of a new, empty database. */
    public static String newDatabase() {
        return server().createDatabase("test_" + DATABASES.incrementAndGet());
    }
}
