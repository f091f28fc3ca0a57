package solo.execution;

import solo.state.Actor;

/**
 * Which run, flow and step some execution work is for: written into the ledger, the budget checks and
 * the policy facts. {@link #NONE} for work outside a run (an operator's command, a test).
 */
public record RunRef(String runId, String flow, String stepId) {
    public static final RunRef NONE = new RunRef(null, null, null);

    public boolean inRun() {
        return runId != null;
    }

    /** The actor an agent acts as: the run's step inside a run, else the agent itself. */
    public Actor actorFor(String agent) {
        return inRun() && stepId != null ? new Actor.Step(runId, stepId) : new Actor.Agent(agent);
    }
}
