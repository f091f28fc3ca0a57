package solo.orchestration.flow;

/**
 * What validation knows of a step kind: its name and the checks of its own part of a step. The runtime's
 * step kinds implement this, so that a flow using a kind wrongly is refused when it is loaded.
 */
public interface StepKindRules {
    String name();

    /** Checks {@code step.spec()} and the step's input; reports through {@code check.error}. */
    default void check(StepDefinition step, FlowCheck check) {}

    /**
     * Step fields of this kind's own besides the shared ones ({@code about} for agent steps). Each is a
     * template over the same context as {@code input}, compiled when the flow is read; the steps it reads
     * count as dependencies.
     */
    default java.util.Set<String> options() {
        return java.util.Set.of();
    }

    /**
     * Those of {@link #options()} that are CEL expressions rather than templates ({@code where:} of a query):
     * written like {@code when:}, without {@code ${...}}; the kind renders them with variables of its own.
     */
    default java.util.Set<String> expressions() {
        return java.util.Set.of();
    }

    /** Whether the kind may run inside {@code foreach} (kinds that wait for someone may not). */
    default boolean allowedInForeach() {
        return true;
    }
}
