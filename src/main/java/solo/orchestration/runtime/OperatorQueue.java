package solo.orchestration.runtime;

import java.sql.SQLException;
import java.time.Instant;
import solo.state.Actor;
import solo.state.storage.WriteTx;

/**
 * Told by the runtime, inside the transaction that changes a run, of what begins or stops needing the
 * operator: a step that starts waiting for them, a run that fails by itself, an answer. The inbox keeps its
 * queue in step with the runs this way — with nothing lost or doubled by a crash between the two — and with
 * it the times each run spent waiting for the operator.
 */
public interface OperatorQueue {

    /** A step began waiting for the operator (a gate, an approval, a task, a budget, an unknown outcome). */
    void waiting(WriteTx tx, StepRecord step, Instant now) throws SQLException;

    /** A top-level run failed by itself (not by the operator's refusal): its failure needs a way out. */
    void failed(WriteTx tx, String runId, String error, Instant now) throws SQLException;

    /**
     * What a step (or, with a null {@code stepId}, anything of the run) waited for is settled: answered,
     * retried, cancelled, rolled back. {@code decision} names how, {@code by} who decided.
     */
    void settled(WriteTx tx, String runId, String stepId, String decision, Actor by, Instant now) throws SQLException;

    /** A gate's deadline passed unanswered and its default decision was taken (the runtime's, as {@code system}). */
    void defaulted(WriteTx tx, StepRecord step, boolean approved, Instant now) throws SQLException;

    /** Whether a step in this state waits for the operator (and so belongs in their queue). */
    static boolean waitsForOperator(StepRecord s) {
        return s.status() == StepStatus.UNKNOWN || (s.status() == StepStatus.WAITING && RunControl.forOperator(s.waitingFor()));
    }

    /** No queue: the runtime alone (tests of the runtime, tools). */
    OperatorQueue NONE = new OperatorQueue() {
        @Override
        public void waiting(WriteTx tx, StepRecord step, Instant now) {}

        @Override
        public void failed(WriteTx tx, String runId, String error, Instant now) {}

        @Override
        public void settled(WriteTx tx, String runId, String stepId, String decision, Actor by, Instant now) {}

        @Override
        public void defaulted(WriteTx tx, StepRecord step, boolean approved, Instant now) {}
    };
}
