package solo.memory.contract;

import solo.testing.Database;

/** Memory's contract on SQLite. */
class MemorySqliteTest extends MemoryContract {
    MemorySqliteTest() {
        super(Database.SQLITE);
    }
}
