package solo.orchestration.step;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An action a step asks the runtime to carry out after it (an agent's proposal): run as its own step
 * {@code STEP[action-N]} of kind {@code action}, so it passes the {@code ActionGuard}, is checkpointed
 * before any outside effect and has its own idempotency key, like any action written in a flow.
 *
 * @param action the registered action's name ({@code email.send})
 * @param input its input, taken as it is: text in it is never evaluated as an expression
 * @param detail what the follow-up starts with: {@code proposed_by}, {@code confidence} (how far what proposed
 *     it can be trusted) and {@code proposal} (as proposed), which the guard is shown
 */
public record FollowUp(String action, JsonNode input, ObjectNode detail) {}
