package solo.interfaces.json;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.StepRecord;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON shape of runs and their step timelines, shared by the CLI's --json output and the HTTP API. */
public final class RunViews {
    private RunViews() {}

    public static ObjectNode run(Run r) {
        ObjectNode o = Json.object().put("id", r.id()).put("flow", r.flow()).put("flow_version", r.flowVersion())
                .put("status", r.status().text());
        o.set("input", r.input());
        o.set("trigger", r.trigger());
        o.put("parent_run", r.parentRun()).put("parent_step", r.parentStep()).put("forked_from", r.forkedFrom());
        o.set("output", r.output());
        o.put("error", r.error()).put("lease_owner", r.leaseOwner()).put("wake_at", text(r.wakeAt()))
                .put("version", r.version()).put("created_at", text(r.createdAt())).put("updated_at", text(r.updatedAt()))
                .put("finished_at", text(r.finishedAt()));
        return o;
    }

    public static ArrayNode runs(List<Run> runs) {
        ArrayNode a = Json.mapper().createArrayNode();
        runs.forEach(r -> a.add(run(r)));
        return a;
    }

    public static ObjectNode step(StepRecord s) {
        ObjectNode o = Json.object().put("run_id", s.runId()).put("step_id", s.stepId()).put("kind", s.kind())
                .put("status", s.status().text()).put("attempts", s.attempts());
        o.set("input", s.input());
        o.set("output", s.output());
        o.put("error", s.error()).put("wake_at", text(s.wakeAt()));
        o.set("detail", s.detail());
        o.put("started_at", text(s.startedAt())).put("finished_at", text(s.finishedAt()));
        Long ms = durationMs(s);
        if (ms != null) {
            o.put("duration_ms", ms);
        }
        return o;
    }

    public static ObjectNode timeline(Run r, List<StepRecord> steps) {
        ObjectNode o = run(r);
        ArrayNode a = o.putArray("steps");
        steps.forEach(s -> a.add(step(s)));
        return o;
    }

    public static Long durationMs(StepRecord s) {
        return s.startedAt() == null || s.finishedAt() == null ? null
                : Duration.between(s.startedAt(), s.finishedAt()).toMillis();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
