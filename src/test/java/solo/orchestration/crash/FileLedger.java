package solo.orchestration.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionCall;
import solo.orchestration.step.StepOutcome;
import solo.support.Json;

/**
 * An outside effect for crash tests: appends the action's idempotency key to a file outside the
 * database (a stand-in for an email or a payment). It records the key with the effect, so an attempt
 * whose outcome a crash hid finds the key and does not append it again.
 */
public final class FileLedger implements Action {
    private final Path file;
    private final Set<String> keys = new HashSet<>();

    public FileLedger(Path file) {
        this.file = file;
        try {
            if (Files.exists(file)) {
                keys.addAll(Files.readAllLines(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "ledger.append";
    }

    @Override
    public boolean hasOutsideEffects() {
        return true;
    }

    @Override
    public boolean checksOutcome() {
        return true;
    }

    @Override
    public synchronized StepOutcome perform(ActionCall call) throws IOException {
        if (keys.contains(call.idempotencyKey())) {
            return StepOutcome.done(Json.object().put("appended", false).put("key", call.idempotencyKey()));
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            out.write(ByteBuffer.wrap((call.idempotencyKey() + "\n").getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        keys.add(call.idempotencyKey());
        return StepOutcome.done(Json.object().put("appended", true).put("key", call.idempotencyKey()));
    }
}
