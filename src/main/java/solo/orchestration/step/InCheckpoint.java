package solo.orchestration.step;

import java.sql.SQLException;
import solo.state.storage.WriteTx;
import tools.jackson.databind.JsonNode;

/**
 * Work that must commit together with a step's checkpoint, or not at all: a step's state writes
 * ({@code store.apply(tx, write)}) and any effect recorded in the same database. It runs on the write
 * path, so it must only touch the database; what it returns becomes the step's output.
 */
@FunctionalInterface
public interface InCheckpoint {
    JsonNode apply(WriteTx tx) throws SQLException;
}
