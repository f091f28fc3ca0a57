package solo.orchestration.runtime;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionCall;
import solo.orchestration.action.InvalidActionInputException;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.step.StepOutcome;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code flow.start}: {@code {flow, input}} queues a run of another flow and goes on without waiting for it
 * (a {@code flow:} step waits for its child). It is how one run fans out into many that each go their own
 * way — every overdue invoice its own reminder, with its own gate — and it may run inside {@code foreach}.
 *
 * <p>The new run's id is derived from the step's idempotency key, and it is inserted in the step's
 * checkpoint transaction: a retried or resumed step finds its run there and starts no second one.
 */
public final class FlowStartAction implements Action {
    private final Engine engine;
    private final RunStarter starter;

    public FlowStartAction(Engine engine) {
        this.engine = engine;
        this.starter = new RunStarter(engine);
    }

    @Override
    public String name() {
        return "flow.start";
    }

    @Override
    public Set<String> requiredInputs() {
        return Set.of("flow", "input");
    }

    @Override
    public StepOutcome perform(ActionCall call) {
        String flow = call.text("flow");
        JsonNode input = call.input().get("input");
        if (!input.isObject()) {
            throw new InvalidActionInputException(call.stepId() + ": input 'input' must be an object (the run's input)");
        }
        FlowDefinition def = engine.catalog.current(flow);
        List<String> missing = def.missingInputs(input);
        if (!missing.isEmpty()) {
            throw new InvalidActionInputException(call.stepId() + ": flow " + flow + " needs input " + String.join(", ", missing));
        }
        String id = "run_" + HexFormat.of().formatHex(sha256(call.idempotencyKey()), 0, 10) + "-" + flow;
        ObjectNode trigger = Json.object().put("kind", "flow").put("run", call.runId()).put("step", call.stepId())
                .put("by", call.actor().text());
        return StepOutcome.inCheckpoint(tx -> {
            boolean started = starter.insert(tx, def, id, input, trigger, null, null, null) != null;
            return Json.object().put("run_id", id).put("flow", flow).put("started", started);
        });
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
