package solo.memory.files;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import solo.state.Actor;
import solo.state.Change;
import solo.state.NotFoundException;
import solo.state.Store;
import solo.state.Write;

/**
 * {@code solo ingest PATH... --entity ID}: every file is read first (one bad file refuses the whole command
 * with its name, before anything is written), then each file is written whole in one {@link Store#write}
 * (artifacts with their events). Files already ingested for the same entities are recognised by their id
 * and passed over, so a command interrupted halfway can be run again.
 */
public final class FileIngest {
    private final Store store;

    /** What happened to one file. */
    public record Outcome(Path path, String format, String artifactId, int artifacts, boolean alreadyThere) {}

    public FileIngest(Store store) {
        this.store = store;
    }

    /** Reads every file; throws on the first that cannot be read or an entity that does not exist. */
    public List<IngestFile> read(List<Path> paths, List<String> entityIds) {
        if (entityIds.isEmpty()) {
            throw new IllegalArgumentException("ingest needs at least one entity to attach the files to");
        }
        for (String e : entityIds) {
            if (store.find(e).isEmpty()) {
                throw NotFoundException.entity(e);
            }
        }
        List<IngestFile> files = new ArrayList<>();
        for (Path p : paths) {
            files.add(FileReaders.read(p, entityIds));
        }
        return files;
    }

    /** Writes the files read, each in one write; returns what happened to each. */
    public List<Outcome> write(List<IngestFile> files, Actor actor, Consumer<String> progress) {
        List<Outcome> out = new ArrayList<>();
        int i = 0;
        for (IngestFile f : files) {
            i++;
            if (store.artifact(f.id()).isPresent()) {
                out.add(new Outcome(f.path(), f.format(), f.id(), f.artifacts().size(), true));
                continue;
            }
            store.write(new Write(actor, "ingest " + f.path().getFileName(), List.<Change>copyOf(f.artifacts())));
            out.add(new Outcome(f.path(), f.format(), f.id(), f.artifacts().size(), false));
            progress.accept("stored " + i + "/" + files.size() + " " + f.path().getFileName());
        }
        return out;
    }
}
