package solo.orchestration.runtime;

import java.sql.SQLException;
import java.time.Instant;
import solo.orchestration.flow.FlowDefinition;
import solo.state.storage.WriteTx;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;

/** Creates runs: checks the input against the flow, pins the flow's version, and queues (or leases) the run. */
final class RunStarter {
    private final Engine e;

    RunStarter(Engine e) {
        this.e = e;
    }

    /**
     * Inserts a queued run (or, with {@code leaseTo}, one already leased to that worker) inside the caller's
     * transaction; null when a run with this id exists (a trigger that fired twice).
     */
    Run insert(WriteTx tx, FlowDefinition def, String id, JsonNode input, JsonNode trigger, String parentRun,
            String parentStep, String leaseTo) throws SQLException {
        JsonNode in = input == null || input.isNull() ? Json.object() : input;
        var missing = def.missingInputs(in);
        if (!missing.isEmpty()) {
            throw new SoloException("flow " + def.name() + " needs input " + String.join(", ", missing)
                    + " (give it with --input '{\"" + missing.getFirst() + "\": ...}')");
        }
        Instant now = e.now();
        int version = e.catalog.register(tx, def, now.toEpochMilli());
        RunStatus status = leaseTo == null ? RunStatus.QUEUED : RunStatus.RUNNING;
        Run run = new Run(id, def.name(), version, status, in, trigger, parentRun, parentStep, null, null,
                null, leaseTo, leaseTo == null ? null : e.leaseUntil(), null, 1, now, now, null);
        return e.runs.insert(tx, run) ? run : null;
    }
}
