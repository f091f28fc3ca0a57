package solo.execution.flow;

import java.time.Duration;
import solo.app.Solo;
import solo.orchestration.Flows;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.StepRecord;
import solo.state.Actor;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/** Runs flows in a test's Solo as {@code solo flow run} does: here, until the run finishes or waits. */
final class FlowRuns {
    private FlowRuns() {}

    static void write(Solo solo, String name, String yaml) {
        Flows.write(solo.company().dir(), name, yaml.stripIndent());
    }

    static Run run(Solo solo, String flow, String inputJson) {
        Run run = solo.orchestrator().runs().startLeased(flow, Json.parse(inputJson, "input"), null);
        return solo.orchestrator().worker().driveToRest(run.id(), Duration.ofSeconds(15));
    }

    /** Drives a run on after the operator answered one of its steps. */
    static Run resume(Solo solo, Run run) {
        return solo.orchestrator().worker().driveToRest(run.id(), Duration.ofSeconds(15));
    }

    static Run approve(Solo solo, Run run, String step) {
        solo.orchestrator().runs().answer(run.id(), step, true, "looks right", Actor.OPERATOR);
        return resume(solo, run);
    }

    static StepRecord step(Solo solo, Run run, String id) {
        return solo.orchestrator().runs().steps(run.id()).stream().filter(s -> s.stepId().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("run " + run.id() + " has no step " + id + ": "
                        + solo.orchestrator().runs().steps(run.id()).stream().map(StepRecord::stepId).toList()));
    }

    static JsonNode detail(Solo solo, Run run, String id) {
        return step(solo, run, id).detail();
    }

    static String lead(Solo solo, String body) {
        return solo.store().create(Actor.OPERATOR, "test lead", "lead", Json.parse(body, "lead")).id();
    }
}
