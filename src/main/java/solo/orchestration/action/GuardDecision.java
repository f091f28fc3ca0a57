package solo.orchestration.action;

/** What an {@link ActionGuard} decided. */
public sealed interface GuardDecision {
    record Allow() implements GuardDecision {}

    /** The action is refused; the step fails with this reason and is not retried. */
    record Deny(String reason) implements GuardDecision {}

    /** The step waits until the operator approves ({@code solo gate approve}) or rejects it. */
    record RequireApproval(String reason) implements GuardDecision {}

    static GuardDecision allow() {
        return new Allow();
    }

    static GuardDecision deny(String reason) {
        return new Deny(reason);
    }

    static GuardDecision requireApproval(String reason) {
        return new RequireApproval(reason);
    }
}
