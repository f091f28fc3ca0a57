package solo.orchestration.step;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/** The registry of step kinds by name; a kind registered again replaces the earlier one. */
public final class StepKinds {
    private final Map<String, StepKind> kinds = new LinkedHashMap<>();
    private final Map<String, Semaphore> limits = new LinkedHashMap<>();

    public StepKinds register(StepKind kind) {
        kinds.put(kind.name(), kind);
        if (kind.concurrency() > 0) {
            limits.put(kind.name(), new Semaphore(kind.concurrency(), true));
        } else {
            limits.remove(kind.name());
        }
        return this;
    }

    public StepKind get(String name) {
        StepKind kind = kinds.get(name);
        if (kind == null) {
            throw new NonRetryableException("no step kind '" + name + "' (known: " + String.join(", ", kinds.keySet()) + ")");
        }
        return kind;
    }

    public Map<String, StepKind> all() {
        return Collections.unmodifiableMap(kinds);
    }

    /** The semaphore limiting a kind's concurrent steps, or null when it has no limit. */
    public Semaphore limit(String name) {
        return limits.get(name);
    }
}
