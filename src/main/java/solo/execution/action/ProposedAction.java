package solo.execution.action;

import java.util.List;
import solo.state.Actor;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * An action someone asks the runtime to carry out: an agent in its answer, a flow step, the operator's
 * assistant. It is data — nothing here carries it out — and it passes the policies before anything happens.
 *
 * @param type the action type ({@code send_email}, {@code send_offer}, …; see {@link ActionCatalog})
 * @param targets the ids of the entities it acts on (the recipients of an email, the invoice to send)
 * @param params what the action needs ({@code subject}, {@code body}, {@code discount_percent}, …)
 * @param reason why, in the proposer's words
 * @param proposedBy who asked: an agent's name, or {@code operator}, {@code flow}, an assistant's name
 * @param actor as whom it would act, written into the events it causes
 */
public record ProposedAction(String type, List<String> targets, JsonNode params, String reason, String proposedBy,
                             Actor actor) {
    public ProposedAction {
        targets = List.copyOf(targets);
        params = params == null ? Json.object() : params;
    }

    /**
     * The proposer as a decision names it: {@code agent copywriter (run:r1/step:draft)}, or for a flow's own
     * step ({@code proposedBy} "flow NAME") {@code flow lead-outreach (run:r1/step:send)}.
     */
    public String proposer() {
        String who = proposedBy == null ? String.valueOf(actor) : proposedBy;
        boolean isAgent = (actor instanceof Actor.Step || actor instanceof Actor.Agent) && !who.startsWith("flow ");
        return (isAgent ? "agent " : "") + who + (actor instanceof Actor.Step ? " (" + actor + ")" : "");
    }
}
