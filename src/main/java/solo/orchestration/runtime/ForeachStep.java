package solo.orchestration.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutionException;
import solo.orchestration.expr.CelValues;
import solo.orchestration.flow.StepDefinition;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/**
 * {@code foreach: LIST} with {@code do: STEP}: runs the inner step once per item, {@code parallel} at a
 * time on virtual threads. Each item is checkpointed on its own ({@code id[3]}) with its own idempotency
 * key, so a restart runs only the items that had not finished. The step's output is the list of outputs.
 */
final class ForeachStep {
    private final RunExecutor x;
    private final StepAttempts attempts;

    ForeachStep(RunExecutor x, StepAttempts attempts) {
        this.x = x;
        this.attempts = attempts;
    }

    RunExecutor.Next run(StepDefinition step, boolean last) {
        StepRecord rec = x.records.get(step.id());
        if (rec != null && rec.status().finished()) {
            return RunExecutor.Next.CONTINUE;
        }
        if (rec != null && rec.status() == StepStatus.FAILED) {
            x.checkpoints.end(new RunEnd.Fail(rec.error()), null);
            return RunExecutor.Next.FAILED;
        }
        if (rec == null && step.when() != null && !step.when().test(x.vars())) {
            return finish(step, StepStatus.SKIPPED, null, null, last);
        }
        JsonNode list;
        try {
            list = step.foreach().evaluateJson(x.vars());
        } catch (RuntimeException ex) {
            return finish(step, StepStatus.FAILED, null, ex.getMessage(), last);
        }
        if (!list.isArray()) {
            return finish(step, StepStatus.FAILED, null, "foreach '" + step.foreach().source() + "' gave "
                    + Json.write(list) + ", not a list", last);
        }
        List<RunExecutor.Next> results = items(step, list);
        if (results.contains(RunExecutor.Next.FAILED)) {
            return finish(step, StepStatus.FAILED, null, "an item failed: see " + step.id() + "[...]", last);
        }
        if (results.contains(RunExecutor.Next.PARKED)) {
            x.checkpoints.end(new RunEnd.Park(null), null);
            return RunExecutor.Next.PARKED;
        }
        ArrayNode outputs = Json.mapper().createArrayNode();
        for (int i = 0; i < list.size(); i++) {
            StepRecord item = x.records.get(itemId(step, i));
            outputs.add(item == null || item.output() == null ? Json.mapper().nullNode() : item.output());
        }
        return finish(step, StepStatus.DONE, outputs, null, last);
    }

    private List<RunExecutor.Next> items(StepDefinition step, JsonNode list) {
        Semaphore slots = new Semaphore(step.parallel());
        List<Future<RunExecutor.Next>> futures = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < list.size(); i++) {
                String id = itemId(step, i);
                Map<String, Object> vars = new HashMap<>(x.vars());
                vars.put("item", CelValues.fromJson(list.get(i)));
                vars.put("index", (long) i);
                futures.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return attempts.single(step.body(), id, vars, false, false);
                    } finally {
                        slots.release();
                    }
                }));
            }
        }
        List<RunExecutor.Next> results = new ArrayList<>();
        for (Future<RunExecutor.Next> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException ex) {
                if (ex.getCause() instanceof RuntimeException r) {
                    throw r; // lost the run, or stopping: the items' checkpoints say how far they got
                }
                throw new IllegalStateException(ex.getCause());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new RunExecutor.StopRequested();
            }
        }
        return results;
    }

    private RunExecutor.Next finish(StepDefinition step, StepStatus status, JsonNode output, String error, boolean last) {
        StepRecord rec = new StepRecord(x.run.id(), step.id(), step.kind(), status, 1, null, output, error, null, null, null,
                x.e.now(), x.e.now());
        RunEnd end = switch (status) {
            case FAILED -> new RunEnd.Fail("step " + step.id() + " failed: " + error);
            default -> x.endAfter(last);
        };
        Checkpointer.Output runOutput = end instanceof RunEnd.Complete ? out -> x.runOutput(step.id(), out) : null;
        x.checkpoints.commit(rec, null, null, end, runOutput);
        x.records.put(step.id(), rec);
        if (status != StepStatus.FAILED) {
            x.remember(rec);
        }
        if (end instanceof RunEnd.Complete) {
            x.ended = true;
        }
        return status == StepStatus.FAILED ? RunExecutor.Next.FAILED : RunExecutor.Next.CONTINUE;
    }

    static String itemId(StepDefinition step, int i) {
        return step.id() + "[" + i + "]";
    }
}
