package solo.orchestration.expr;

import solo.support.SoloException;

/** An expression that does not compile, or that failed while a run evaluated it. */
public final class ExpressionException extends SoloException {
    public ExpressionException(String message) {
        super(message);
    }
}
