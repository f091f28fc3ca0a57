package solo.state;

import java.time.Instant;

/** A typed, directed relation between two entities: an edge of the operational graph. */
public record Link(String from, String type, String to, Instant createdAt) {
    @Override
    public String toString() {
        return from + " -" + type + "-> " + to;
    }
}
