package solo.state.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Plain JDBC with parameters and row mappers, and prepared statements kept for reuse on one connection. */
public class Sql {
    private final Connection connection;
    private final Dialect dialect;
    private final Map<String, PreparedStatement> statements;

    public Sql(Connection connection, Dialect dialect, Map<String, PreparedStatement> statementCache) {
        this.connection = connection;
        this.dialect = dialect;
        this.statements = statementCache;
    }

    public Sql(Connection connection, Dialect dialect) {
        this(connection, dialect, new HashMap<>());
    }

    public Connection connection() {
        return connection;
    }

    public Dialect dialect() {
        return dialect;
    }

    public int update(String sql, Object... params) throws SQLException {
        return bind(sql, params).executeUpdate();
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (ResultSet rs = bind(sql, params).executeQuery()) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }

    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        try (ResultSet rs = bind(sql, params).executeQuery()) {
            return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
        }
    }

    public long queryLong(String sql, Object... params) throws SQLException {
        return queryOne(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** A cached statement with its parameters bound. Callers close result sets, never the statement. */
    public PreparedStatement bind(String sql, Object... params) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else if (p instanceof byte[] bytes) {
                ps.setBytes(i + 1, bytes);
            } else {
                ps.setObject(i + 1, p);
            }
        }
        return ps;
    }

    /** Closes the cached statements (when the connection goes back to its pool). */
    public void closeStatements() {
        for (PreparedStatement ps : statements.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // closing is best effort: the connection may be broken already
            }
        }
        statements.clear();
    }
}
