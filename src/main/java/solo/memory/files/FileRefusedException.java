package solo.memory.files;

import solo.support.SoloException;

/** A file ingestion refuses, with the file named first: {@code notes/a.pdf: not a readable PDF (...)}. */
public final class FileRefusedException extends SoloException {
    public FileRefusedException(java.nio.file.Path file, String why) {
        super(file + ": " + why);
    }
}
