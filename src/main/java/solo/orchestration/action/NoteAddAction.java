package solo.orchestration.action;

import java.util.List;
import java.util.Set;
import solo.orchestration.step.StepOutcome;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Write;
import solo.support.Json;

/** {@code note.add}: {@code {entity: ID | entities: [IDs], text, title?, kind?}}, committed with the checkpoint. */
public final class NoteAddAction implements Action {
    @Override
    public String name() {
        return "note.add";
    }

    @Override
    public Set<String> requiredInputs() {
        return Set.of("text");
    }

    @Override
    public StepOutcome perform(ActionCall call) {
        List<String> entities = EntityActions.entities(call.input());
        Write write = Write.of(call.actor(), EntityActions.reason(call), new Change.AddArtifact(null,
                call.text("kind", "note"), call.text("title", null), call.text("text"), null, "text/plain", null, null,
                entities));
        return StepOutcome.inCheckpoint(tx -> {
            Artifact a = call.store().apply(tx, write).artifact();
            return Json.object().put("id", a.id()).put("kind", a.kind());
        });
    }
}
