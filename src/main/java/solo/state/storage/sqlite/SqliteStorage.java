package solo.state.storage.sqlite;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import solo.state.storage.Dialect;
import solo.state.storage.GroupCommitter;
import solo.state.storage.Migrations;
import solo.state.storage.StorageException;
import solo.state.storage.jdbc.JdbcStorage;

/**
 * The embedded default: one SQLite file in WAL mode with {@code synchronous=FULL}, so that a commit
 * that returned survives a power loss. Readers use their own connections and never wait for the writer.
 */
public final class SqliteStorage extends JdbcStorage {
    private static final int MAX_GROUP = 1024;
    private final Path file;
    private final HikariDataSource readers;

    private SqliteStorage(Path file, HikariDataSource readers, GroupCommitter writePath) {
        super(readers, writePath, Dialect.SQLITE);
        this.file = file;
        this.readers = readers;
    }

    public static SqliteStorage open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StorageException("cannot create the data folder " + file.getParent() + ": " + e.getMessage(), e);
        }
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        SQLiteConfig config = config();
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl(url);
        Migrations.migrate(dataSource, "sqlite");
        HikariConfig pool = new HikariConfig();
        pool.setDataSource(dataSource);
        pool.setPoolName("solo-sqlite-readers");
        pool.setMaximumPoolSize(Math.max(4, Runtime.getRuntime().availableProcessors() * 2));
        pool.setMinimumIdle(1);
        HikariDataSource readers = new HikariDataSource(pool);
        GroupCommitter writePath = new GroupCommitter("sqlite", () -> open(config, url), Dialect.SQLITE, MAX_GROUP);
        return new SqliteStorage(file, readers, writePath);
    }

    private static SQLiteConfig config() {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        return config;
    }

    private static Connection open(SQLiteConfig config, String url) throws SQLException {
        Connection c = config.createConnection(url);
        c.setAutoCommit(true);
        return c;
    }

    @Override
    public String kind() {
        return "sqlite";
    }

    @Override
    public Map<String, String> durability() {
        return read(sql -> {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("journal_mode", sql.queryOne("PRAGMA journal_mode", rs -> rs.getString(1)).orElse("?"));
            long sync = sql.queryLong("PRAGMA synchronous");
            settings.put("synchronous", switch ((int) sync) {
                case 0 -> "OFF";
                case 1 -> "NORMAL";
                case 2 -> "FULL";
                default -> "EXTRA";
            });
            return settings;
        });
    }

    @Override
    public long sizeOnDisk() {
        long total = 0;
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Path p = Path.of(file.toAbsolutePath() + suffix);
            try {
                total += Files.exists(p) ? Files.size(p) : 0;
            } catch (IOException e) {
                // a log file can vanish at a checkpoint between exists and size
            }
        }
        return total;
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        closeWritePath();
        readers.close();
    }
}
