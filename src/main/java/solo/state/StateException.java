package solo.state;

import solo.support.SoloException;

/** A write the state layer refused, or a read of something that is not there. Nothing was written. */
public class StateException extends SoloException {
    public StateException(String message) {
        super(message);
    }
}
