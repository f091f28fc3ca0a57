package solo.state;

import java.util.List;

/**
 * What a write did: its events in order, and the entities and artifacts it left behind (each in its
 * state after the write; deleted entities are not included).
 */
public record WriteResult(List<Event> events, List<Entity> entities, List<Artifact> artifacts) {
    public Entity entity() {
        return entities.getFirst();
    }

    public Artifact artifact() {
        return artifacts.getFirst();
    }
}
