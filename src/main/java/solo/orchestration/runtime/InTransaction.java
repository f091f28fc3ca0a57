package solo.orchestration.runtime;

import java.sql.SQLException;
import solo.state.storage.WriteTx;

/** More work for a transaction the runtime opens (the inbox's record of a decision, with the step's checkpoint). */
@FunctionalInterface
public interface InTransaction {
    void run(WriteTx tx) throws SQLException;
}
