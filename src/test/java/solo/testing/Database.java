package solo.testing;

/** The storages every contract test runs on. */
public enum Database {
    SQLITE,
    POSTGRES;

    /** A database URL for a fresh database of this kind; null means the company's own SQLite file. */
    public String newUrl() {
        return this == SQLITE ? null : SharedPostgres.newDatabase();
    }
}
