package solo.orchestration.action;

/**
 * Asked before every attempt of every action: allow it, deny it with a reason, or ask the operator
 * first. Policies plug in here; the default allows everything. The decision is recorded on the step.
 */
@FunctionalInterface
public interface ActionGuard {
    ActionGuard ALLOW_ALL = request -> GuardDecision.allow();

    GuardDecision check(ActionRequest request);
}
