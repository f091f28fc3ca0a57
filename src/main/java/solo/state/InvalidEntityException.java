package solo.state;

import java.util.List;
import java.util.stream.Collectors;

/** A body that breaks its type's schema. The message names every broken field and rule. */
public final class InvalidEntityException extends StateException {
    private final String type;
    private final List<Violation> violations;

    public InvalidEntityException(String type, List<Violation> violations) {
        this(type, type + " refused", violations);
    }

    /** {@code leadIn} says what was refused, e.g. "lead version 3 of lead_x no longer satisfies lead.yaml". */
    public InvalidEntityException(String type, String leadIn, List<Violation> violations) {
        super(leadIn + ": " + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public String type() {
        return type;
    }

    public List<Violation> violations() {
        return violations;
    }
}
