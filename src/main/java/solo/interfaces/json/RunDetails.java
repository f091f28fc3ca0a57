package solo.interfaces.json;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import solo.app.Solo;
import solo.execution.ledger.Ledger;
import solo.execution.ledger.LedgerEntry;
import solo.execution.ledger.Money;
import solo.execution.ledger.PriceTable;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.StepRecord;
import solo.state.Event;
import solo.state.Store;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run as the API and the cockpit show it: its step timeline; for each agent step the model calls it made
 * (model, tokens, cost, cache hit, from the ledger) and the policy decisions on the actions it proposed; the
 * policy decision on each action step; and the decisions taken about the run (the inbox's, its playbooks',
 * a rollback: the run's own events).
 */
public final class RunDetails {
    private final RunControl runs;
    private final Store store;
    private final Ledger ledger;
    private final String currency;

    public RunDetails(RunControl runs, Store store, Ledger ledger, String currency) {
        this.runs = runs;
        this.store = store;
        this.ledger = ledger;
        this.currency = currency;
    }

    /** A company's: the ledger is read without opening execution (no agent or policy compiled). */
    public static RunDetails of(Solo solo) {
        ZoneId zone = ZoneId.of(solo.company().config().timezone());
        return new RunDetails(solo.orchestrator().runs(), solo.store(), new Ledger(solo.store().storage(), Clock.systemUTC(), zone),
                PriceTable.read(solo.company().config().document()).currency());
    }

    /**
     * @param agents the agent steps' views by step id ({@link AgentStepViews#of}, plus {@code model_calls})
     * @param decisions the run's {@code inbox.*}, {@code playbook.*} and {@code run.*} events, oldest first
     */
    public record Detail(Run run, List<StepRecord> steps, Map<String, ObjectNode> agents, List<Event> decisions) {}

    public Detail of(Run run) {
        List<StepRecord> steps = runs.steps(run.id());
        Map<String, ObjectNode> agents = new LinkedHashMap<>();
        if (steps.stream().anyMatch(AgentStepViews::isAgentStep)) {
            List<LedgerEntry> calls = ledger.forRun(run.id());
            for (StepRecord s : steps) {
                if (AgentStepViews.isAgentStep(s)) {
                    ObjectNode view = AgentStepViews.of(s, calls, steps, currency);
                    ArrayNode list = view.putArray("model_calls");
                    calls.stream().filter(c -> s.stepId().equals(c.run().stepId())).forEach(c -> list.add(call(c)));
                    agents.put(s.stepId(), view);
                }
            }
        }
        return new Detail(run, steps, agents, decisions(store.history(run.id())));
    }

    /** The events that record decisions about a run: the inbox's, its playbooks', a rollback. */
    public static List<Event> decisions(List<Event> history) {
        List<Event> out = new ArrayList<>();
        for (Event e : history) {
            if (e.kind().startsWith("inbox.") || e.kind().startsWith("playbook.") || e.kind().startsWith("run.")) {
                out.add(e);
            }
        }
        return out;
    }

    /** The timeline as JSON: {@link RunViews#timeline}, each step with its {@code agent} view or {@code policy}, and {@code decisions}. */
    public ObjectNode json(Detail d) {
        ObjectNode o = RunViews.timeline(d.run(), d.steps());
        int i = 0;
        for (StepRecord s : d.steps()) {
            ObjectNode step = (ObjectNode) o.get("steps").get(i++);
            ObjectNode agent = d.agents().get(s.stepId());
            if (agent != null) {
                step.set("agent", agent);
            }
            ObjectNode policy = AgentStepViews.decision(s);
            if (policy != null) {
                step.set("policy", policy);
            }
        }
        ArrayNode decisions = o.putArray("decisions");
        d.decisions().forEach(e -> decisions.add(JsonViews.event(e)));
        return o;
    }

    public String currency() {
        return currency;
    }

    private static ObjectNode call(LedgerEntry c) {
        return Json.object().put("at", c.at().toString()).put("provider", c.provider()).put("model", c.model())
                .put("tier", c.tier()).put("input_tokens", c.inputTokens()).put("output_tokens", c.outputTokens())
                .put("latency_ms", c.latencyMillis()).put("cost", Money.format(c.costMicros())).put("cache_hit", c.cacheHit())
                .put("outcome", c.outcome());
    }
}
