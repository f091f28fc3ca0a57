package solo.execution.email;

import java.sql.SQLException;
import solo.state.storage.WriteTx;

/** Where inbound mail is read from: an IMAP folder, or a maildir. Each remembers in the store what it read. */
sealed interface InboundSource permits ImapSource, MaildirSource {

    /** A name for reports and the cursor table: {@code imap:user@host/INBOX}, {@code maildir:/path}. */
    String name();

    /** Hands every message not yet read to {@code intake}, oldest first. */
    void poll(Intake intake) throws Exception;

    /** Stores one message; {@code advance} moves the source's cursor past it in the same transaction. */
    interface Intake {
        void take(byte[] raw, String where, CursorStep advance);
    }

    @FunctionalInterface
    interface CursorStep {
        void run(WriteTx tx) throws SQLException;
    }
}
