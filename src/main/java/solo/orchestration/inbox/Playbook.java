package solo.orchestration.inbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A recovery procedure for a kind of failure ({@code playbooks/NAME.yaml}): what it is for ({@code on:}
 * failure kinds, error classes, flows, steps), the actions in order, and whether it runs by itself.
 *
 * @param errors error classes ({@code SoloException}) or agent failure reasons ({@code timeout}) it is limited
 *     to; empty: any
 * @param flows flows it is limited to; empty: any
 * @param steps steps it is limited to; empty: any
 * @param onActions the actions the failed step carried out ({@code email.send}, {@code http}) it is limited to; empty: any
 */
public record Playbook(String name, Path file, String description, Set<FailureKind> failures, Set<String> errors,
        Set<String> flows, Set<String> steps, Set<String> onActions, boolean automatic, List<PlaybookAction> actions) {

    public Playbook {
        failures = Set.copyOf(failures);
        errors = Set.copyOf(errors);
        flows = Set.copyOf(flows);
        steps = Set.copyOf(steps);
        onActions = Set.copyOf(onActions);
        actions = List.copyOf(actions);
    }

    public boolean matches(Failure f) {
        return (failures.isEmpty() || failures.contains(f.kind()))
                && (errors.isEmpty() || (f.error() != null && errors.contains(f.error()))
                        || (f.reason() != null && errors.contains(f.reason())))
                && (flows.isEmpty() || flows.contains(f.flow()))
                && (steps.isEmpty() || steps.contains(f.baseStep()))
                && (onActions.isEmpty() || onActions.contains(f.action()));
    }

    /** How narrowly it is written: a playbook for one flow's step wins over one for every flow. */
    int specificity() {
        return (steps.isEmpty() ? 0 : 8) + (flows.isEmpty() ? 0 : 4) + (onActions.isEmpty() ? 0 : 2) + (errors.isEmpty() ? 0 : 1);
    }

    public Optional<PlaybookAction> action(String name) {
        return actions.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
