package solo.execution.policy;

import solo.execution.RunRef;

/** What a policy check knows besides the action: the run it happens in and the history of actions. */
public record PolicyContext(RunRef run, ActionHistory history) {
    public PolicyContext {
        run = run == null ? RunRef.NONE : run;
        history = history == null ? ActionHistory.NONE : history;
    }

    public static PolicyContext of(RunRef run, ActionHistory history) {
        return new PolicyContext(run, history);
    }
}
