package solo.orchestration.action;

import tools.jackson.databind.node.ObjectNode;

/**
 * What an {@link ActionGuard} decided. {@code detail}, when given, is recorded on the step whatever the
 * decision (the policies' rules, the escalation threshold), so that the run shows why.
 */
public sealed interface GuardDecision {

    ObjectNode detail();

    record Allow(ObjectNode detail) implements GuardDecision {
        public Allow() {
            this(null);
        }
    }

    /** The action is refused; the step fails with this reason and is not retried. */
    record Deny(String reason, ObjectNode detail) implements GuardDecision {
        public Deny(String reason) {
            this(reason, null);
        }
    }

    /** The step waits until the operator approves ({@code solo gate approve}) or rejects it. */
    record RequireApproval(String reason, ObjectNode detail) implements GuardDecision {
        public RequireApproval(String reason) {
            this(reason, null);
        }
    }

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
