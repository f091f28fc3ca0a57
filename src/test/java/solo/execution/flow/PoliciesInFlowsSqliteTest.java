package solo.execution.flow;

import solo.testing.Database;

class PoliciesInFlowsSqliteTest extends PoliciesInFlowsContract {
    PoliciesInFlowsSqliteTest() {
        super(Database.SQLITE);
    }
}
