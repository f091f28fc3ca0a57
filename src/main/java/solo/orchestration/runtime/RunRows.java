package solo.orchestration.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/** Maps run and step rows. */
final class RunRows {
    static final String RUN_COLUMNS = "id, flow, flow_version, status, input, trigger_info, parent_run, parent_step, "
            + "forked_from, output, error, lease_owner, lease_until, wake_at, version, created_at, updated_at, finished_at";
    static final String STEP_COLUMNS = "run_id, step_id, kind, status, attempts, input, output, error, stack, wake_at, "
            + "detail, started_at, finished_at";

    private RunRows() {}

    static Run run(ResultSet rs) throws SQLException {
        return new Run(rs.getString(1), rs.getString(2), rs.getInt(3), RunStatus.of(rs.getString(4)),
                json(rs.getString(5)), json(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                json(rs.getString(10)), rs.getString(11), rs.getString(12), instant(rs, 13), instant(rs, 14),
                rs.getLong(15), instant(rs, 16), instant(rs, 17), instant(rs, 18));
    }

    static StepRecord step(ResultSet rs) throws SQLException {
        return new StepRecord(rs.getString(1), rs.getString(2), rs.getString(3), StepStatus.of(rs.getString(4)),
                rs.getInt(5), json(rs.getString(6)), json(rs.getString(7)), rs.getString(8), rs.getString(9),
                instant(rs, 10), json(rs.getString(11)), instant(rs, 12), instant(rs, 13));
    }

    static JsonNode json(String text) {
        return text == null ? null : Json.read(text);
    }

    static String text(JsonNode node) {
        return node == null ? null : Json.write(node);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static Long millis(Instant t) {
        return t == null ? null : t.toEpochMilli();
    }

    static Instant instant1(ResultSet rs) throws SQLException {
        return instant(rs, 1);
    }
}
