package solo.execution.email;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import solo.state.storage.Storage;

/**
 * Reads a maildir ({@code new/} and {@code cur/}) without changing it. A file's unique name (before the
 * {@code :2,} flags) is remembered once its message is stored, so a file moved from new/ to cur/ by a
 * mail client is not read twice.
 */
final class MaildirSource implements InboundSource {
    private final Path dir;
    private final Storage storage;
    private final Clock clock;

    MaildirSource(Path dir, Storage storage, Clock clock) {
        this.dir = dir;
        this.storage = storage;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "maildir:" + dir;
    }

    @Override
    public void poll(Intake intake) throws IOException {
        if (!Files.isDirectory(dir.resolve("new")) && !Files.isDirectory(dir.resolve("cur"))) {
            throw new EmailException(dir + ": not a maildir (no new/ or cur/ folder)");
        }
        List<Path> files = new ArrayList<>();
        for (String sub : List.of("new", "cur")) {
            if (Files.isDirectory(dir.resolve(sub))) {
                try (Stream<Path> s = Files.list(dir.resolve(sub))) {
                    s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).forEach(files::add);
                }
            }
        }
        files.sort(java.util.Comparator.comparing(p -> unique(p)));
        for (Path file : files) {
            String unique = unique(file);
            boolean seen = storage.read(sql -> sql.queryOne("SELECT 1 FROM email_seen_files WHERE source = ? AND name = ?",
                    rs -> 1, name(), unique)).isPresent();
            if (!seen) {
                byte[] raw;
                try {
                    raw = Files.readAllBytes(file);
                } catch (java.nio.file.NoSuchFileException movedMeanwhile) {
                    continue; // a mail client moved it from new/ to cur/: the next poll reads it there
                }
                intake.take(raw, file.toString(), tx -> tx.update(
                        "INSERT INTO email_seen_files (source, name, seen_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                        name(), unique, clock.millis()));
            }
        }
    }

    private static String unique(Path file) {
        String n = file.getFileName().toString();
        int colon = n.indexOf(':');
        return colon < 0 ? n : n.substring(0, colon);
    }
}
