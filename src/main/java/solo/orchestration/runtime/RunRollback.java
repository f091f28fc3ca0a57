package solo.orchestration.runtime;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import solo.state.Actor;
import solo.state.Change;
import solo.state.Event;
import solo.state.Undo;
import solo.state.Write;
import solo.support.Json;

/**
 * Rolling a finished run back: every state write it and its child runs made is reverted by new events
 * ({@link Undo} plans them and refuses when a later write depends on one), and the run is marked
 * {@code rolled_back}, in one transaction. {@link RunControl#rollback} retries it on a stale run.
 */
final class RunRollback {
    private final Engine e;

    RunRollback(Engine e) {
        this.e = e;
    }

    void rollback(Run run, String reason, Actor by, InTransaction also) {
        String runId = run.id();
        if (!run.status().finished() || run.status() == RunStatus.ROLLED_BACK) {
            throw new IllegalTransitionException("run " + runId + " is " + run.status().text() + "; "
                    + (run.status() == RunStatus.ROLLED_BACK ? "it was rolled back already"
                    : "only a finished run can be rolled back (cancel it first: solo runs cancel " + runId + ")"));
        }
        run.status().check(runId, RunStatus.ROLLED_BACK);
        List<Event> writes = new ArrayList<>();
        for (String id : family(runId)) {
            writes.addAll(e.store.eventsOfRun(id));
        }
        List<Change> undo = Undo.plan(e.store, writes);
        String why = "rollback of run " + runId + RunControl.reason(reason);
        List<Change> changes = new ArrayList<>(undo);
        changes.add(new Change.RecordEvent("run.rolled_back", runId, "run", Json.object().put("flow", run.flow())
                .put("writes", writes.size()).put("changes", undo.size())));
        e.storage.write(tx -> {
            Instant now = e.now();
            e.store.apply(tx, new Write(by, why, changes));
            e.runs.transition(tx, run, RunStatus.ROLLED_BACK, "rolled back by " + RunControl.who(by) + RunControl.reason(reason),
                    now);
            e.queue.settled(tx, runId, null, "rolled_back", by, now);
            RunControl.also(tx, also);
            return null;
        });
    }

    /** The run and its child runs (a {@code flow:} step's), at any depth. */
    private List<String> family(String runId) {
        List<String> all = new ArrayList<>(List.of(runId));
        for (int i = 0; i < all.size(); i++) {
            String parent = all.get(i);
            all.addAll(e.storage.read(sql -> sql.query("SELECT id FROM runs WHERE parent_run = ? ORDER BY id",
                    rs -> rs.getString(1), parent)));
        }
        return all;
    }
}
