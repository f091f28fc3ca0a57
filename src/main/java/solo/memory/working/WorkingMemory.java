package solo.memory.working;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Event;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * A run's working memory: the artifacts of kind {@code working} its steps wrote (a {@code note.add} with
 * {@code kind: working}, or {@link #put}). They are found through the run's own events, so nothing else
 * needs to keep track. When the run ends they are discarded (deleted, with events) or archived (marked,
 * and left to retention), as solo.yaml's {@code memory.working_memory} says.
 */
public final class WorkingMemory {
    public static final String KIND = "working";
    private final Store store;
    private final boolean discardCompleted;
    private final boolean discardFailed;

    public WorkingMemory(Store store, boolean discardCompleted, boolean discardFailed) {
        this.store = store;
        this.discardCompleted = discardCompleted;
        this.discardFailed = discardFailed;
    }

    /** Writes a scratch artifact for a run's step. */
    public Artifact put(String runId, String stepId, List<String> entityIds, String title, String text) {
        ObjectNode m = Json.object().put("run_id", runId).put("step_id", stepId);
        return store.write(Write.of(new Actor.Step(runId, stepId), "working memory",
                new Change.AddArtifact(null, KIND, title, text, null, "text/plain", null, m, entityIds))).artifact();
    }

    /** The run's live working memory, oldest first. */
    public List<Artifact> of(String runId) {
        List<Artifact> out = new ArrayList<>();
        for (Event e : store.eventsOfRun(runId)) {
            if (e.kind().equals(Event.ARTIFACT_ADDED) && KIND.equals(e.subjectType())) {
                store.artifact(e.subject()).filter(a -> !a.deleted()).ifPresent(out::add);
            }
        }
        return out;
    }

    /**
     * The run ended ({@code completed}, {@code failed}, {@code cancelled}): its working memory goes or is
     * archived. Returns how many artifacts were dealt with; a second call finds nothing left to do.
     */
    public int runEnded(String runId, String status) {
        boolean discard = "completed".equals(status) ? discardCompleted : discardFailed;
        List<Change> changes = new ArrayList<>();
        for (Artifact a : of(runId)) {
            if (discard) {
                changes.add(new Change.DeleteArtifact(a.id()));
            } else if (!a.metadata().path("archived").asBoolean(false)) {
                ObjectNode m = (ObjectNode) a.metadata().deepCopy();
                m.put("archived", true).put("run_status", status);
                changes.add(new Change.UpdateArtifact(a.id(), a.version(), null, m));
            }
        }
        if (!changes.isEmpty()) {
            store.write(new Write(Actor.SYSTEM, "run " + runId + " " + status + ": working memory "
                    + (discard ? "discarded" : "archived"), changes));
        }
        return changes.size();
    }

    /** True when an artifact is working memory whose run has not ended (it is not archived). */
    public static boolean live(Optional<Artifact> a) {
        return a.isPresent() && KIND.equals(a.get().kind()) && !a.get().metadata().path("archived").asBoolean(false);
    }
}
