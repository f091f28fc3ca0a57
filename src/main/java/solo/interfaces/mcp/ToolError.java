package solo.interfaces.mcp;

import solo.support.SoloException;

/**
 * A tool call refused: bad arguments, something not found, a policy's denial. The assistant gets it as a
 * tool error (not a protocol error), with the argument to blame as a JSON pointer when there is one.
 */
public final class ToolError extends SoloException {
    private final String field;

    public ToolError(String field, String message) {
        super(message);
        this.field = field;
    }

    public ToolError(String message) {
        this(null, message);
    }

    /** The argument to blame ({@code /body/score}), or null. */
    public String field() {
        return field;
    }
}
