package solo.execution.webhook;

import java.sql.SQLException;
import solo.state.storage.WriteTx;

/**
 * Hears of each accepted delivery inside the transaction that records its delivery id, so that the run
 * it starts is committed together with it: a replay finds the id and starts nothing. Database work
 * only; throwing refuses the delivery (the sender may retry it).
 */
@FunctionalInterface
public interface HookListener {
    void delivered(WriteTx tx, HookDelivery delivery) throws SQLException;
}
