package solo.state.storage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a database to the current schema with Flyway. Migrations live in
 * {@code db/migration/common} (portable SQL, the same for both storages) and
 * {@code db/migration/<kind>} (the rare statement that is not portable). Each layer owns a range of
 * versions: state V1–V99, orchestration V100–V199, execution V200–V299, memory V300–V399,
 * inbox V400–V499, interfaces V500–V599.
 */
public final class Migrations {
    private Migrations() {}

    public static void migrate(DataSource dataSource, String kind) {
        if (upToDate(dataSource, kind)) {
            return; // the common case for every command: Flyway's own checks cost half a second
        }
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + kind)
                    .outOfOrder(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new StorageException(kind + ": could not migrate the database schema: " + e.getMessage(), e);
        }
    }

    /** Whether Flyway's history already holds every migration this build ships. */
    static boolean upToDate(DataSource dataSource, String kind) {
        try (Connection c = dataSource.getConnection();
                ResultSet rs = c.createStatement().executeQuery("SELECT version FROM flyway_schema_history WHERE success")) {
            Set<String> applied = new HashSet<>();
            while (rs.next()) {
                applied.add(rs.getString(1));
            }
            return applied.containsAll(MigrationFiles.versions(kind));
        } catch (SQLException | IOException e) {
            return false; // a new database (no history table yet): let Flyway create it
        }
    }
}
