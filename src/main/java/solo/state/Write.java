package solo.state;

import java.util.List;
import java.util.Objects;

/** Changes made together by one actor for one reason: all are applied, or none. */
public record Write(Actor actor, String reason, List<Change> changes) {
    public Write {
        Objects.requireNonNull(actor, "actor");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("a write needs at least one change");
        }
    }

    public static Write of(Actor actor, String reason, Change... changes) {
        return new Write(actor, reason, List.of(changes));
    }
}
