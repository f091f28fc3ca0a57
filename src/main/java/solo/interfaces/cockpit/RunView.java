package solo.interfaces.cockpit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import solo.interfaces.json.RunViews;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.StepRecord;
import solo.orchestration.runtime.StepStatus;

/** Runs and steps as the templates see them: plain maps of text (escaped when rendered). */
final class RunView {
    private RunView() {}

    static Map<String, Object> run(Run r) {
        Map<String, Object> m = new HashMap<>();
        m.put("id", r.id());
        m.put("flow", r.flow());
        m.put("version", r.flowVersion());
        m.put("status", r.status().text());
        m.put("finished", r.status().finished());
        m.put("error", r.error() == null ? "" : r.error());
        m.put("created", Forms.time(r.createdAt()));
        m.put("updated", Forms.time(r.updatedAt()));
        m.put("input", Forms.json(r.input()));
        m.put("output", Forms.json(r.output()));
        m.put("trigger", r.trigger() == null ? "" : r.trigger().path("kind").asString(""));
        m.put("trigger_json", Forms.json(r.trigger()));
        m.put("forked_from", r.forkedFrom() == null ? "" : r.forkedFrom());
        m.put("parent", r.parentRun() == null ? "" : r.parentRun());
        return m;
    }

    static List<Map<String, Object>> runs(List<Run> runs) {
        return runs.stream().map(RunView::run).toList();
    }

    static Map<String, Object> step(StepRecord s) {
        Map<String, Object> m = new HashMap<>();
        m.put("run", s.runId());
        m.put("id", s.stepId());
        m.put("kind", s.kind());
        m.put("status", s.status().text());
        m.put("attempts", s.attempts());
        m.put("input", Forms.json(s.input()));
        m.put("output", Forms.json(s.output()));
        m.put("error", s.error() == null ? "" : s.error());
        m.put("detail", Forms.json(s.detail()));
        m.put("started", Forms.time(s.startedAt()));
        m.put("finished", Forms.time(s.finishedAt()));
        m.put("wake", Forms.time(s.wakeAt()));
        Long ms = RunViews.durationMs(s);
        m.put("duration", ms == null ? "" : ms + " ms");
        String waitingFor = s.status() == StepStatus.UNKNOWN ? "outcome" : s.waitingFor();
        m.put("waiting_for", waitingFor == null ? "" : waitingFor);
        m.put("asks_operator", s.status() == StepStatus.UNKNOWN || (s.status() == StepStatus.WAITING
                && waitingFor != null && !"timer".equals(waitingFor) && !"child".equals(waitingFor)));
        m.put("prompt", s.detail() == null ? "" : s.detail().path("prompt").asString(s.detail().path("reason").asString("")));
        return m;
    }
}
