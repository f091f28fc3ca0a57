package solo.state.storage;

import java.nio.file.Path;
import solo.state.storage.postgres.PostgresStorage;
import solo.state.storage.sqlite.SqliteStorage;

/** Opens the storage a database URL names; no URL means the embedded SQLite file. */
public final class Storages {
    private Storages() {}

    public static Storage open(String url, Path defaultSqliteFile) {
        if (url == null || url.isBlank()) {
            return SqliteStorage.open(defaultSqliteFile);
        }
        if (url.startsWith("jdbc:sqlite:")) {
            return SqliteStorage.open(Path.of(url.substring("jdbc:sqlite:".length())));
        }
        if (url.startsWith("jdbc:postgresql:") || url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            return PostgresStorage.open(DatabaseUrls.toJdbc(url));
        }
        throw new StorageException("unsupported database URL " + DatabaseUrls.redact(url)
                + ": use jdbc:sqlite:FILE or jdbc:postgresql://HOST:PORT/DATABASE");
    }
}
