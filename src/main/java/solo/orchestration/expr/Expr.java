package solo.orchestration.expr;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A compiled CEL expression and the earlier steps it reads. */
public final class Expr {
    private final String source;
    private final CelRuntime.Program program;
    private final Set<String> steps;

    Expr(String source, CelRuntime.Program program, Set<String> steps) {
        this.source = source;
        this.program = program;
        this.steps = steps;
    }

    public String source() {
        return source;
    }

    /** Ids of the steps this expression reads through {@code steps.ID}. */
    public Set<String> steps() {
        return steps;
    }

    /** Evaluates over CEL values (see {@link CelValues}); unset variables are simply absent. */
    public Object evaluate(Map<String, Object> vars) {
        try {
            return program.eval(vars);
        } catch (CelEvaluationException e) {
            throw new ExpressionException("expression '" + source + "' failed: " + e.getMessage());
        }
    }

    public JsonNode evaluateJson(Map<String, Object> vars) {
        return CelValues.toJson(evaluate(vars));
    }

    public boolean test(Map<String, Object> vars) {
        Object value = evaluate(vars);
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ExpressionException("condition '" + source + "' gave " + CelValues.toJson(value) + ", not true or false");
    }

    @Override
    public String toString() {
        return source;
    }
}
