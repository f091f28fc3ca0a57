package solo.execution.agent;

import solo.execution.model.FailureKind;

/** Why an agent step failed. {@link #retryable()} tells the runtime whether trying again later may help. */
public enum FailureReason {
    UNKNOWN_AGENT(false),
    INVALID_INPUT(false),
    /** The answer broke the contract twice (first answer, then the repair). */
    INVALID_OUTPUT(true),
    /** The model kept asking for tools beyond the agent's max_tool_rounds. */
    TOOL_LOOP(true),
    RATE_LIMITED(true),
    SERVER_ERROR(true),
    TIMEOUT(true),
    NETWORK(true),
    HTTP_ERROR(false),
    MODEL_CONFIGURATION(false),
    CLIENT(false);

    private final boolean retryable;

    FailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    static FailureReason of(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED -> RATE_LIMITED;
            case SERVER_ERROR -> SERVER_ERROR;
            case TIMEOUT -> TIMEOUT;
            case NETWORK -> NETWORK;
            case HTTP_ERROR -> HTTP_ERROR;
            case CONFIGURATION -> MODEL_CONFIGURATION;
            case CLIENT -> CLIENT;
        };
    }
}
