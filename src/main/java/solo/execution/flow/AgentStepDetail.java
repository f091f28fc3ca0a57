package solo.execution.flow;

import java.util.List;
import solo.execution.agent.AgentOutcome;
import solo.execution.agent.Attempt;
import solo.execution.agent.FormField;
import solo.execution.agent.Usage;
import solo.execution.budget.BudgetDecision;
import solo.execution.context.ContextPack;
import solo.execution.ledger.Money;
import solo.state.Violation;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an agent step records in its detail (the step log), by outcome. {@code confidence} is the runtime's
 * word: later steps read it as {@code steps.ID.confidence} and actions that read the step inherit it.
 *
 * <pre>
 * completed: {agent, answered_by, confidence, confidence_factors, usage, attempts, context}
 * failed:    {agent, failure: {reason, retryable, explanation}, usage, attempts}   (attempts keep every answer)
 * budget:    {waiting_for: budget, agent, reason, budget: {scope, subject, limit, spent, estimate, currency}, attempts}
 * task:      {waiting_for: task, agent, tier, about, reason, prompt, context_pack, retrieval_found_little, form, output_contract}
 * </pre>
 */
final class AgentStepDetail {
    private AgentStepDetail() {}

    static ObjectNode completed(AgentOutcome.Completed done, String about, ContextPack pack) {
        ObjectNode d = Json.object().put("agent", done.agent()).put("answered_by", done.answeredBy())
                .put("confidence", done.confidence().value());
        ArrayNode factors = d.putArray("confidence_factors");
        done.confidence().factors().forEach(factors::add);
        d.set("usage", usage(done.usage()));
        d.set("attempts", attempts(done.attempts()));
        d.putObject("context").put("about", about).put("tokens", pack.approximateTokens())
                .put("retrieval_found_little", pack.retrievalFoundLittle());
        return d;
    }

    /** The operator's answer to the step's task: what the task showed stays with it. */
    static ObjectNode answered(AgentOutcome.Completed done, JsonNode task) {
        ObjectNode d = completed(done, task.path("about").asString(null),
                new ContextPack(task.path("context_pack").asString(""), task.path("retrieval_found_little").asBoolean()));
        d.set("answer", task.path("provided"));
        return d;
    }

    static ObjectNode failed(AgentOutcome.Failed failed) {
        ObjectNode d = Json.object().put("agent", failed.agent());
        d.putObject("failure").put("reason", failed.reason().name().toLowerCase()).put("retryable", failed.retryable())
                .put("explanation", failed.explanation());
        d.set("usage", usage(failed.usage()));
        d.set("attempts", attempts(failed.attempts()));
        return d;
    }

    static ObjectNode overBudget(AgentOutcome.BudgetExceeded over) {
        BudgetDecision.Exceeded b = over.budget();
        ObjectNode d = Json.object().put("agent", over.agent()).put("reason", over.explanation()
                + "; approve to let this step go past it once (solo gate approve), or raise budgets in solo.yaml");
        d.putObject("budget").put("scope", b.scope().name().toLowerCase()).put("subject", b.subject())
                .put("limit", Money.format(b.limitMicros())).put("spent", Money.format(b.spentMicros()))
                .put("estimate", Money.format(b.estimateMicros())).put("currency", b.currency());
        d.set("attempts", attempts(over.attempts()));
        return d;
    }

    static ObjectNode task(AgentOutcome.OperatorTask task, String about, ContextPack pack) {
        ObjectNode d = Json.object().put("agent", task.agent()).put("tier", task.tier().text()).put("about", about)
                .put("reason", "no model serves the " + task.tier().text() + " tier: you answer for " + task.agent())
                .put("prompt", task.prompt()).put("context_pack", task.contextPack())
                .put("retrieval_found_little", pack.retrievalFoundLittle());
        ArrayNode fields = d.putObject("form").putArray("fields");
        for (FormField f : task.form().fields()) {
            ObjectNode o = fields.addObject().put("name", f.name()).put("type", f.type()).put("required", f.required())
                    .put("description", f.description());
            if (!f.options().isEmpty()) {
                f.options().forEach(o.putArray("options")::add);
            }
            if (f.minimum() != null) {
                o.put("minimum", f.minimum());
            }
            if (f.maximum() != null) {
                o.put("maximum", f.maximum());
            }
            if (f.itemType() != null) {
                o.put("item_type", f.itemType());
            }
        }
        d.set("output_contract", task.outputContract());
        return d;
    }

    static ObjectNode usage(Usage u) {
        return Json.object().put("calls", u.calls()).put("cache_hits", u.cacheHits()).put("input_tokens", u.inputTokens())
                .put("output_tokens", u.outputTokens()).put("cost", Money.format(u.costMicros()));
    }

    static ArrayNode attempts(List<Attempt> attempts) {
        ArrayNode a = Json.mapper().createArrayNode();
        for (Attempt t : attempts) {
            ObjectNode o = a.addObject().put("number", t.number()).put("kind", t.kind())
                    .put("model", t.provider() + "/" + t.model()).put("answer", t.answer());
            ArrayNode v = o.putArray("violations");
            for (Violation x : t.violations()) {
                v.addObject().put("field", x.field()).put("rule", x.rule()).put("message", x.message());
            }
            o.put("input_tokens", t.inputTokens()).put("output_tokens", t.outputTokens()).put("cost", Money.format(t.costMicros()))
                    .put("cache_hit", t.cacheHit()).put("latency_ms", t.latencyMillis()).put("error", t.error());
        }
        return a;
    }
}
