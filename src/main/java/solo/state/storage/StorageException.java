package solo.state.storage;

import solo.support.SoloException;

/** The database failed or could not be reached; the message says which database and why. */
public final class StorageException extends SoloException {
    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StorageException(String message) {
        super(message);
    }
}
