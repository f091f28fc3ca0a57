package solo.execution.flow;

import solo.testing.Database;

class PoliciesInFlowsPostgresTest extends PoliciesInFlowsContract {
    PoliciesInFlowsPostgresTest() {
        super(Database.POSTGRES);
    }
}
