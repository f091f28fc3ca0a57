package solo.orchestration.runtime;

import solo.support.SoloException;

/** A change of status that the transition table does not allow (cancel a completed run, ...). */
public final class IllegalTransitionException extends SoloException {
    public IllegalTransitionException(String what, String from, String to) {
        super(what + " is " + from + " and cannot become " + to);
    }

    public IllegalTransitionException(String message) {
        super(message);
    }
}
