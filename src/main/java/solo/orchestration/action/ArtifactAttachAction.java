package solo.orchestration.action;

import java.util.List;
import java.util.Set;
import solo.orchestration.step.StepOutcome;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Store;
import solo.state.Write;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/**
 * {@code artifact.attach}: {@code {artifact: ID, entity: ID | entities: [IDs], reason?}} attaches an existing
 * artifact (an email that came before its sender was known) to entities, committed with the checkpoint.
 */
public final class ArtifactAttachAction implements Action {
    @Override
    public String name() {
        return "artifact.attach";
    }

    @Override
    public Set<String> requiredInputs() {
        return Set.of("artifact");
    }

    @Override
    public List<String> check(JsonNode input, Store store) {
        List<String> problems = Action.texts(input, "artifact", "entity", "reason");
        String id = input.path("artifact").asString("");
        if (store.artifact(id).filter(a -> !a.deleted()).isEmpty()) {
            problems.add("artifact: no artifact " + id);
        }
        List<String> entities = EntityActions.entities(input);
        if (entities.isEmpty()) {
            problems.add("entity: name the entity to attach it to (entity: ID or entities: [IDs])");
        }
        for (String e : entities) {
            if (store.find(e).isEmpty()) {
                problems.add("entity: no entity " + e);
            }
        }
        return problems;
    }

    @Override
    public StepOutcome perform(ActionCall call) {
        // an empty list is refused by the store, naming the artifact
        Write write = Write.of(call.actor(), EntityActions.reason(call),
                new Change.AttachArtifact(call.text("artifact"), EntityActions.entities(call.input())));
        return StepOutcome.inCheckpoint(tx -> {
            Artifact a = call.store().apply(tx, write).artifact();
            return Json.object().put("id", a.id()).put("kind", a.kind()).set("entities", Json.tree(a.entityIds()));
        });
    }
}
