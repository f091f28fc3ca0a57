package solo.state;

/** Optimistic locking: the write named the version it read, and someone changed the entity since. */
public final class StaleVersionException extends StateException {
    private final String id;
    private final long expected;
    private final long actual;

    public StaleVersionException(String id, long expected, long actual) {
        super(id + " is at version " + actual + ", not " + expected
                + ": it changed since it was read; read it again and retry");
        this.id = id;
        this.expected = expected;
        this.actual = actual;
    }

    public String id() {
        return id;
    }

    public long expected() {
        return expected;
    }

    public long actual() {
        return actual;
    }
}
