package solo.memory.summary;

import java.time.Instant;
import java.util.List;
import solo.state.Artifact;
import solo.state.Entity;
import solo.state.Event;

/**
 * What a summary is made from: the entity as it is, the phase it covers (null: the whole entity), the time
 * span, the events in it, the most relevant artifacts, and the deterministic digest of all that.
 */
public record SummaryInput(Entity entity, String phase, Instant from, Instant to, List<Event> events,
        List<Artifact> artifacts, String digest) {
    public SummaryInput {
        events = List.copyOf(events);
        artifacts = List.copyOf(artifacts);
    }
}
