package solo.execution.action;

import java.util.Set;

/** A kind of action the runtime can carry out, and its business impact. */
public record ActionType(String name, Set<Impact> impacts) {
    public ActionType {
        impacts = Set.copyOf(impacts);
    }
}
