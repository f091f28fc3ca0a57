package solo.memory.files;

import java.nio.file.Path;
import java.util.List;
import solo.state.Change;

/**
 * One file read and ready to be written: its artifacts (an email's attachments come after the email), all
 * in one write so that a file goes in whole or not at all.
 */
public record IngestFile(Path path, String format, List<Change.AddArtifact> artifacts) {
    public IngestFile {
        artifacts = List.copyOf(artifacts);
    }

    /** The id of the file's main artifact (deterministic: the same file for the same entities has the same id). */
    public String id() {
        return artifacts.getFirst().id();
    }
}
