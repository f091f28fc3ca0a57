package solo.execution.flow;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import solo.execution.Execution;
import solo.execution.RunRef;
import solo.execution.action.ActionCatalog;
import solo.execution.action.Impact;
import solo.execution.action.ProposedAction;
import solo.execution.escalation.GateCheck;
import solo.execution.policy.Decision;
import solo.execution.policy.PolicyContext;
import solo.execution.policy.RuleMatch;
import solo.orchestration.action.ActionGuard;
import solo.orchestration.action.ActionRequest;
import solo.orchestration.action.GuardDecision;
import solo.orchestration.runtime.RunControl;
import solo.state.Actor;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The runtime's guard, over the company's policies and escalation thresholds: before every action, whoever
 * proposed it, {@link solo.execution.policy.PolicyEngine#check} decides (with the history of actions the
 * runtime carried out), and an allowed action whose output's confidence is below the threshold of its
 * business impact waits for the operator all the same. The decision is recorded on the step, with the
 * agent that proposed the action. Actions no policy can speak of (registered by code, with no action type)
 * go ahead.
 */
public final class PolicyGuard implements ActionGuard {
    private final Supplier<Execution> execution;
    private final Supplier<ActionCatalog> catalog;
    private final Supplier<RunControl> runs;
    private final Function<List<String>, List<String>> entitiesOfAddresses;

    /**
     * @param catalog the action types (solo.yaml {@code escalation.actions}), read without compiling agents
     *     and policies, so that actions no policy can name cost nothing
     * @param entitiesOfAddresses the entities email addresses belong to (an email's recipients as targets)
     */
    public PolicyGuard(Supplier<Execution> execution, Supplier<ActionCatalog> catalog, Supplier<RunControl> runs,
            Function<List<String>, List<String>> entitiesOfAddresses) {
        this.execution = execution;
        this.catalog = catalog;
        this.runs = runs;
        this.entitiesOfAddresses = entitiesOfAddresses;
    }

    @Override
    public GuardDecision check(ActionRequest r) {
        JsonNode input = r.input() == null ? Json.object() : r.input();
        Actor actor = new Actor.Step(r.runId(), r.stepId());
        ProposedAction action;
        if (r.proposal() != null) {
            // the agent acted in the step that proposed the action (draft), not in the action's own (draft[action-1])
            int own = r.stepId().lastIndexOf("[action-");
            actor = new Actor.Step(r.runId(), own < 0 ? r.stepId() : r.stepId().substring(0, own));
            JsonNode p = r.proposal();
            action = new ProposedAction(p.path("type").asString(), ActionTypes.texts(p.get("targets")), p.get("params"),
                    p.path("reason").asString(""), r.proposedBy(), actor);
        } else {
            String type = ActionTypes.typeOf(r.action(), input);
            if (!isBuiltIn(r.action()) && input.path("as").isMissingNode() && catalog.get().find(type).isEmpty()) {
                return GuardDecision.allow(); // an action registered by code that no policy can name
            }
            action = new ProposedAction(type, ActionTypes.targetsOf(r.action(), input, entitiesOfAddresses), input, "",
                    "flow " + r.flow(), actor);
        }
        Execution x = execution.get();
        RunRef ref = new RunRef(r.runId(), r.flow(), r.stepId());
        Decision d = x.policies().check(action, PolicyContext.of(ref, new RunActionHistory(runs.get(), x)));
        ObjectNode detail = Json.object();
        detail.set("policy", view(d));
        // the type's business impact goes with the decision: the inbox ranks what it asks the operator by it
        ArrayNode impacts = ((ObjectNode) detail.get("policy")).putArray("impacts");
        catalog.get().find(action.type()).ifPresent(t -> t.impacts().stream().map(Impact::text).sorted().forEach(impacts::add));
        return switch (d) {
            case Decision.Deny deny -> new GuardDecision.Deny(reason(d), detail);
            case Decision.RequireApproval ask -> new GuardDecision.RequireApproval(reason(d), detail);
            case Decision.Allow allow -> escalate(x, action, r.confidence(), detail);
        };
    }

    /** Allowed by the policies; below the confidence its business impact needs, the operator is asked first. */
    private static GuardDecision escalate(Execution x, ProposedAction action, Double confidence, ObjectNode detail) {
        if (confidence == null) {
            return new GuardDecision.Allow(detail);
        }
        GateCheck gate = x.escalation().needsGate(action, confidence);
        ObjectNode e = detail.putObject("escalation").put("gate", gate.needed()).put("confidence", gate.confidence())
                .put("threshold", gate.threshold()).put("reason", gate.reason());
        ArrayNode impacts = e.putArray("impacts");
        gate.impacts().stream().map(Impact::text).sorted().forEach(impacts::add);
        return gate.needed() ? new GuardDecision.RequireApproval(gate.reason() + " (proposed by " + action.proposer() + ")",
                detail) : new GuardDecision.Allow(detail);
    }

    private static boolean isBuiltIn(String action) {
        return List.of("email.send", "http", "entity.create", "entity.update", "entity.link", "note.add", "artifact.attach")
                .contains(action);
    }

    /** The reasons of the rules that decided, and who proposed the action: one line for the step and the inbox. */
    private static String reason(Decision d) {
        return d.rules().stream().map(m -> m.reason() + " [" + m.policy() + "/" + m.rule() + "]")
                .collect(Collectors.joining("; ")) + " (" + d.action().type() + " proposed by " + d.action().proposer() + ")";
    }

    static ObjectNode view(Decision d) {
        ObjectNode o = Json.object().put("decision", switch (d) {
            case Decision.Deny x -> "deny";
            case Decision.RequireApproval x -> "require_approval";
            case Decision.Allow x -> "allow";
        }).put("type", d.action().type());
        ArrayNode targets = o.putArray("targets");
        d.action().targets().forEach(targets::add);
        o.put("proposed_by", d.action().proposedBy()).put("explanation", d.explanation());
        ArrayNode rules = o.putArray("rules");
        for (RuleMatch m : d.rules()) {
            rules.addObject().put("policy", m.policy()).put("rule", m.rule())
                    .put("effect", m.effect().name().toLowerCase(Locale.ROOT)).put("reason", m.reason()).put("where", m.where());
        }
        return o;
    }
}
