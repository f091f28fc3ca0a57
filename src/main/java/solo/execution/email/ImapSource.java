package solo.execution.email;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import solo.execution.secret.SecretResolver;
import solo.state.storage.Sql;
import solo.state.storage.Storage;
import solo.state.storage.WriteTx;

/**
 * Reads an IMAP folder, read-only (the operator's own mail client keeps its unread marks), by UID: the
 * cursor is the folder's UIDVALIDITY and the highest UID stored. A new UIDVALIDITY means the server
 * renumbered the folder; everything is read again and the Message-IDs already stored are skipped.
 */
final class ImapSource implements InboundSource {
    private record Cursor(long uidValidity, long lastUid) {}

    private final MailServer server;
    private final String folderName;
    private final SecretResolver secrets;
    private final Storage storage;
    private final Clock clock;

    ImapSource(MailServer server, String folderName, SecretResolver secrets, Storage storage, Clock clock) {
        this.server = server;
        this.folderName = folderName;
        this.secrets = secrets;
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "imap:" + (server.user() == null ? "" : server.user() + "@") + server.describe() + "/" + folderName;
    }

    @Override
    public void poll(Intake intake) throws Exception {
        try (Store store = MailSessions.imap(server, secrets)) {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                throw new EmailException("IMAP folder '" + folderName + "' does not exist on " + server.describe());
            }
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                Optional<Cursor> cursor = storage.read(sql -> cursor(sql));
                long last = cursor.filter(c -> c.uidValidity() == validity).map(Cursor::lastUid).orElse(0L);
                // UID n:* always returns the newest message, even when its UID is below n: filter again.
                for (Message m : uids.getMessagesByUID(last + 1, UIDFolder.MAXUID)) {
                    long uid = uids.getUID(m);
                    if (uid <= last) {
                        continue;
                    }
                    ByteArrayOutputStream raw = new ByteArrayOutputStream();
                    m.writeTo(raw);
                    intake.take(raw.toByteArray(), name() + " uid " + uid, tx -> advance(tx, validity, uid));
                }
            } finally {
                folder.close(false);
            }
        }
    }

    private Optional<Cursor> cursor(Sql sql) throws SQLException {
        return sql.queryOne("SELECT uid_validity, last_uid FROM email_cursors WHERE source = ?",
                rs -> new Cursor(rs.getLong(1), rs.getLong(2)), name());
    }

    private void advance(WriteTx tx, long validity, long uid) throws SQLException {
        tx.update("INSERT INTO email_cursors (source, uid_validity, last_uid, updated_at) VALUES (?, ?, ?, ?)"
                + " ON CONFLICT (source) DO UPDATE SET uid_validity = excluded.uid_validity,"
                + " last_uid = excluded.last_uid, updated_at = excluded.updated_at", name(), validity, uid, clock.millis());
    }
}
