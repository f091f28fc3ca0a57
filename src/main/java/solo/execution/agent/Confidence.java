package solo.execution.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * How far an output can be trusted, in [0, 1]: the model's own confidence (asked for by the contract)
 * lowered by what the runtime saw. {@code factors} says, in words, what was applied; it is recorded on the step.
 */
public record Confidence(double value, Double model, List<String> factors) {
    /** When the model gives none: neither trusted nor distrusted. */
    static final double ASSUMED = 0.5;
    /** A first answer that broke the contract says something about the second. */
    static final double AFTER_REPAIR = 0.8;
    /** An answer built on little context is more often wrong. */
    static final double LITTLE_RETRIEVAL = 0.75;

    public static Confidence combine(Double model, boolean repaired, boolean retrievalFoundLittle) {
        List<String> factors = new ArrayList<>();
        double v;
        if (model == null || model.isNaN()) {
            v = ASSUMED;
            factors.add("the model gave no confidence: " + ASSUMED + " assumed");
        } else {
            v = Math.max(0, Math.min(1, model));
            factors.add("the model's own: " + round(v));
        }
        if (repaired) {
            v *= AFTER_REPAIR;
            factors.add("a repair was needed: ×" + AFTER_REPAIR);
        }
        if (retrievalFoundLittle) {
            v *= LITTLE_RETRIEVAL;
            factors.add("retrieval found little: ×" + LITTLE_RETRIEVAL);
        }
        return new Confidence(round(v), model, List.copyOf(factors));
    }

    public static Confidence operator() {
        return new Confidence(1.0, null, List.of("answered by the operator"));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
