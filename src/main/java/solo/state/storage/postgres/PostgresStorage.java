package solo.state.storage.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import solo.state.storage.DatabaseUrls;
import solo.state.storage.Dialect;
import solo.state.storage.GroupCommitter;
import solo.state.storage.Migrations;
import solo.state.storage.StorageException;
import solo.state.storage.jdbc.JdbcStorage;

/**
 * PostgreSQL, for a company that outgrows one machine or wants several Solo processes sharing work.
 * Each process has its own group-committed write path; rows that several processes may claim at once
 * are locked with {@code FOR UPDATE} (see {@link Dialect}).
 */
public final class PostgresStorage extends JdbcStorage {
    private static final int MAX_GROUP = 1024;
    private final HikariDataSource readers;

    private PostgresStorage(HikariDataSource readers, GroupCommitter writePath) {
        super(readers, writePath, Dialect.POSTGRES);
        this.readers = readers;
    }

    /** Opens a JDBC URL ({@code jdbc:postgresql://host:port/db?user=..&password=..}). */
    public static PostgresStorage open(String jdbcUrl) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(jdbcUrl);
        pool.setPoolName("solo-postgres-readers");
        pool.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        pool.setMinimumIdle(1);
        pool.setInitializationFailTimeout(10_000);
        HikariDataSource readers;
        try {
            readers = new HikariDataSource(pool);
        } catch (RuntimeException e) {
            throw new StorageException("postgres: cannot connect to " + DatabaseUrls.redact(jdbcUrl) + ": "
                    + rootMessage(e), e);
        }
        try {
            Migrations.migrate(readers, "postgres");
        } catch (RuntimeException e) {
            readers.close();
            throw e;
        }
        GroupCommitter writePath = new GroupCommitter("postgres", () -> openWriter(jdbcUrl), Dialect.POSTGRES, MAX_GROUP);
        return new PostgresStorage(readers, writePath);
    }

    private static Connection openWriter(String url) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        c.setAutoCommit(false);
        return c;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public Map<String, String> durability() {
        return read(sql -> {
            Map<String, String> settings = new LinkedHashMap<>();
            for (String name : new String[] {"fsync", "synchronous_commit", "full_page_writes", "wal_sync_method"}) {
                settings.put(name, sql.queryOne("SHOW " + name, rs -> rs.getString(1)).orElse("?"));
            }
            return settings;
        });
    }

    @Override
    public long sizeOnDisk() {
        return read(sql -> sql.queryLong("""
                SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r'"""));
    }

    @Override
    public void close() {
        closeWritePath();
        readers.close();
    }
}
