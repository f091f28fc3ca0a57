package solo.execution.email;

import java.sql.SQLException;
import solo.state.storage.WriteTx;

/**
 * Hears of each new inbound message, inside the transaction that stores it and moves the poll cursor,
 * so that a trigger it records (a run to start) is committed exactly when the message is: never lost to
 * a crash, never doubled by a re-read. Do database work only. Throwing refuses the message: nothing of
 * it is stored and the next poll reads it again.
 */
@FunctionalInterface
public interface EmailReceivedListener {
    void received(WriteTx tx, EmailReceived email) throws SQLException;
}
