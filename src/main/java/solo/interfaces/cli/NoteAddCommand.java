package solo.interfaces.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.JsonViews;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Write;
import solo.support.SoloException;

@Command(name = "add", description = "Add a note (text or a file) attached to one or more entities.")
final class NoteAddCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    static final class Content {
        @Option(names = "--text", description = "The note's text.")
        String text;

        @Option(names = "--file", description = "A file to attach; text files are kept as text too.")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Content content;

    @Option(names = "--entity", required = true, paramLabel = "ID", description = "Attach to this entity (repeatable).")
    List<String> entities;

    @Option(names = "--title")
    String title;

    @Option(names = "--kind", defaultValue = "note", description = "note, document, transcript, ... (default: note)")
    String kind;

    @Option(names = "--reason", description = "Why, for the history.")
    String reason;

    @Override
    public void run() {
        Change.AddArtifact change = content.text != null
                ? new Change.AddArtifact(null, kind, title, content.text, null, "text/plain", null, null, entities)
                : fromFile();
        try (Solo solo = common.open()) {
            Artifact a = solo.store().write(Write.of(Actor.OPERATOR, reason, change)).artifact();
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(JsonViews.artifact(a, false));
            } else {
                out.line("added %s %s (%d bytes) to %s", a.kind(), a.id(), a.size(), String.join(", ", a.entityIds()));
            }
        }
    }

    private Change.AddArtifact fromFile() {
        Path file = content.file;
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SoloException(file + ": cannot read: " + e.getMessage());
        }
        String name = file.getFileName().toString();
        String text = asText(bytes);
        String mediaType = mediaType(file, text != null);
        return new Change.AddArtifact(null, kind, title != null ? title : name, text, name, mediaType, bytes, null,
                entities);
    }

    /** The bytes as UTF-8 text, or null when they are not text. */
    static String asText(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String mediaType(Path file, boolean isText) {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return "text/markdown";
        }
        try {
            String probed = Files.probeContentType(file);
            if (probed != null) {
                return probed;
            }
        } catch (IOException ignored) {
            // fall through to a guess
        }
        return isText ? "text/plain" : "application/octet-stream";
    }
}
