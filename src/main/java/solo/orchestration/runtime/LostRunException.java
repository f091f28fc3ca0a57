package solo.orchestration.runtime;

/**
 * This worker no longer owns the run it is executing (it was cancelled, or its lease expired and another
 * worker took it over): the checkpoint is refused and the worker stops working on the run.
 */
public final class LostRunException extends RuntimeException {
    public LostRunException(String runId) {
        super("run " + runId + " is no longer leased to this worker", null, false, false);
    }
}
