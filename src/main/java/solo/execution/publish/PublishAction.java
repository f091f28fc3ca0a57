package solo.execution.publish;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionCall;
import solo.orchestration.action.InvalidActionInputException;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepOutcome;
import solo.support.Json;

/**
 * {@code publish}: {@code {title, text, slug?, folder?}} writes a post as Markdown to a folder of the company
 * ({@code published/} by default) — the "publish to a folder" of the content pipeline; a site generator or a
 * sync picks it up from there. (To publish by webhook, a flow uses the {@code http} action with {@code as: publish}.)
 *
 * <p>Safe to repeat: the file's front matter carries the step's idempotency key, and the file is written to a
 * temporary name, flushed and hard-linked to its final name, which never replaces a file. So after a crash the
 * action tells by the file whether it took effect ({@link #checksOutcome()}), and a post of the same slug from
 * another run is refused rather than overwritten.
 */
public final class PublishAction implements Action {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private final Path companyDir;

    public PublishAction(Path companyDir) {
        this.companyDir = companyDir.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "publish";
    }

    @Override
    public Set<String> requiredInputs() {
        return Set.of("title", "text");
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
    public StepOutcome perform(ActionCall call) {
        String title = call.text("title").strip();
        if (title.isEmpty()) {
            throw new InvalidActionInputException(call.stepId() + ": input 'title' is empty");
        }
        String slug = call.text("slug", null);
        slug = slug == null || slug.isBlank() ? slugOf(title) : slug;
        if (!SLUG.matcher(slug).matches()) {
            throw new InvalidActionInputException(call.stepId() + ": input 'slug' must be lower-case letters, digits and '-' ("
                    + slug + ")");
        }
        Path folder = folder(call);
        Path file = folder.resolve(slug + ".md");
        String marker = "idempotency_key: " + call.idempotencyKey();
        byte[] bytes = ("---\ntitle: " + Json.write(title) + "\n" + marker + "\n---\n\n"
                + call.text("text").strip() + "\n").getBytes(StandardCharsets.UTF_8);
        boolean repeated = false;
        try {
            Files.createDirectories(folder);
            if (Files.exists(file)) {
                repeated = ours(file, marker);
            } else {
                repeated = !write(folder, file, bytes) && ours(file, marker);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + companyDir.relativize(file) + ": " + e.getMessage(), e);
        }
        return StepOutcome.done(Json.object().put("path", companyDir.relativize(file).toString()).put("slug", slug)
                .put("repeated", repeated));
    }

    /** True when it wrote the file; false when the name was taken meanwhile. */
    private static boolean write(Path folder, Path file, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(folder, ".publishing-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            Files.createLink(file, temp);
            return true;
        } catch (FileAlreadyExistsException taken) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The file there is this step's own earlier attempt; another run's post of the same slug is refused. */
    private boolean ours(Path file, String marker) throws IOException {
        String head = Files.readString(file, StandardCharsets.UTF_8);
        int end = head.indexOf("\n---", 3);
        if (end > 0 && head.substring(0, end).lines().anyMatch(marker::equals)) {
            return true;
        }
        throw new NonRetryableException(companyDir.relativize(file) + " exists already, published by another run: "
                + "give this post another slug");
    }

    private Path folder(ActionCall call) {
        String name = call.text("folder", "published");
        Path folder = companyDir.resolve(name).normalize();
        if (!folder.startsWith(companyDir) || folder.equals(companyDir) || name.startsWith(".solo")) {
            throw new InvalidActionInputException(call.stepId() + ": input 'folder' must be a folder inside the company ("
                    + name + ")");
        }
        return folder;
    }

    static String slugOf(String title) {
        String s = java.text.Normalizer.normalize(title, java.text.Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        s = s.length() > 80 ? s.substring(0, 80).replaceAll("-+$", "") : s;
        return s.isEmpty() ? "post" : s;
    }
}
