package solo.orchestration.inbox;

import java.util.List;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.StepRecord;
import solo.state.Event;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An inbox item with what the operator needs to decide it.
 *
 * @param step the waiting (or failed) step as last checkpointed: its input is the proposed action or the
 *     draft, its detail the context pack, the policy's decision, the agent's confidence; null when the run
 *     failed outside its steps
 * @param why why it is here: the rule, the confidence and its threshold, the policy, the budget, the error
 * @param proposal what would happen on approval: the action and its input, the gate's draft, the task's form
 * @param failure what kind of failure playbooks see (null for gates, approvals and tasks)
 * @param playbook the matching playbook (null when none); {@code actions} its actions, one command each
 * @param decisions what the operator can decide ({@code approve}, {@code edit}, {@code reject}, {@code answer},
 *     {@code snooze}), in that order
 * @param history the decisions already recorded about the run (its {@code inbox.*}, {@code playbook.*} events)
 */
public record InboxEntry(InboxItem item, Run run, StepRecord step, ObjectNode why, JsonNode proposal, Failure failure,
        Playbook playbook, List<PlaybookAction> actions, List<String> decisions, List<Event> history) {}
