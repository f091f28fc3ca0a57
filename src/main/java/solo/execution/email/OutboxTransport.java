package solo.execution.email;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The local outbox: one {@code TOKEN.eml} per message in {@code .solo/outbox/}. A message is written to a
 * temporary file, flushed, then hard-linked to its final name, which is atomic and never replaces a file:
 * so the final name exists exactly when the message was delivered, and a check by name is a proof.
 */
final class OutboxTransport implements EmailTransport {
    private final Path dir;

    OutboxTransport(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    @Override
    public String name() {
        return "outbox";
    }

    Path file(String token) {
        return dir.resolve(token + ".eml");
    }

    @Override
    public void deliver(MimeMessage message, byte[] bytes, String token) throws Undelivered {
        try {
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".sending-", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.write(ByteBuffer.wrap(bytes));
                    ch.force(true);
                }
                Files.createLink(file(token), temp);
            } catch (FileAlreadyExistsException alreadyThere) {
                // delivered before under this token: the outbox holds it once, which is what counts
            } finally {
                Files.deleteIfExists(temp);
            }
            syncDir();
        } catch (IOException e) {
            throw new Undelivered("cannot write to the outbox " + dir + ": " + e.getMessage(), true, true, e);
        }
    }

    @Override
    public Presence check(String messageId, String token) {
        return Files.exists(file(token))
                ? new Presence(Presence.State.FOUND, "found in the outbox as " + file(token).getFileName())
                : new Presence(Presence.State.ABSENT, "not in the outbox");
    }

    private void syncDir() {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // some file systems cannot sync a folder; the link is still atomic
        }
    }
}
