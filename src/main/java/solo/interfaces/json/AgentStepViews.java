package solo.interfaces.json;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import solo.execution.ledger.LedgerEntry;
import solo.execution.ledger.Money;
import solo.orchestration.runtime.StepRecord;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a run's timeline says about an agent step, shared by the CLI and the HTTP API: the model that
 * answered, tokens, cost and cache hits (from the ledger, over every attempt), the confidence recorded on
 * the step, and the policy decisions taken on the actions it proposed (their steps, {@code STEP[action-N]}).
 */
public final class AgentStepViews {
    private AgentStepViews() {}

    /** Whether the step ran a company agent (a Java function's step records no agent). */
    public static boolean isAgentStep(StepRecord s) {
        return "agent".equals(s.kind()) && s.detail() != null && s.detail().has("agent");
    }

    public static ObjectNode of(StepRecord step, List<LedgerEntry> ledger, List<StepRecord> all, String currency) {
        JsonNode d = step.detail();
        ObjectNode o = Json.object().put("agent", d.path("agent").asString());
        Set<String> models = new LinkedHashSet<>();
        long in = 0;
        long out = 0;
        long cost = 0;
        int calls = 0;
        int hits = 0;
        for (LedgerEntry e : ledger) {
            if (step.stepId().equals(e.run().stepId())) {
                models.add(e.provider() + "/" + e.model());
                in += e.inputTokens();
                out += e.outputTokens();
                cost += e.costMicros();
                calls++;
                hits += e.cacheHit() ? 1 : 0;
            }
        }
        if (models.isEmpty() && d.has("answered_by")) {
            models.add(d.get("answered_by").asString());
        }
        o.put("model", String.join(", ", models)).put("calls", calls).put("input_tokens", in).put("output_tokens", out)
                .put("cost", Money.format(cost)).put("currency", currency).put("cache_hits", hits).put("cache_hit", calls > 0 && hits == calls);
        if (d.path("confidence").isNumber()) {
            o.put("confidence", d.get("confidence").asDouble());
        } else {
            o.putNull("confidence");
        }
        if (d.has("failure")) {
            o.set("failure", d.get("failure"));
        }
        ArrayNode decisions = o.putArray("policy_decisions");
        for (StepRecord s : all) {
            if (s.stepId().startsWith(step.stepId() + "[action-") && s.detail() != null) {
                ObjectNode p = decision(s);
                if (p != null) {
                    decisions.add(p);
                }
            }
        }
        return o;
    }

    /** The policy decision (and escalation) recorded on an action step, or null when none was taken. */
    public static ObjectNode decision(StepRecord s) {
        JsonNode policy = s.detail() == null ? null : s.detail().get("policy");
        if (policy == null) {
            return null;
        }
        ObjectNode p = Json.object().put("step", s.stepId()).put("type", policy.path("type").asString())
                .put("decision", policy.path("decision").asString()).put("explanation", policy.path("explanation").asString());
        JsonNode esc = s.detail().get("escalation");
        if (esc != null) {
            p.set("escalation", esc);
        }
        p.put("status", s.status().text());
        return p;
    }
}
