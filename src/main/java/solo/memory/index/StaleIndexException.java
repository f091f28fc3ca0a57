package solo.memory.index;

/** The index on disk was built with another embedding model or index format: it must be rebuilt. */
public final class StaleIndexException extends IllegalStateException {
    public StaleIndexException(String message) {
        super(message);
    }
}
