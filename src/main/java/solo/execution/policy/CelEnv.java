package solo.execution.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.Map;

/**
 * The CEL environment of policy conditions: the variables a rule may read, numbers compared across int and
 * double (a discount of 20.5 is above 15), and a condition that must be a bool. Built once; thread-safe.
 */
final class CelEnv {
    static final CelType OBJECT = MapType.create(SimpleType.STRING, SimpleType.DYN);
    /** The variables of every rule, with what they hold. */
    static final Map<String, CelType> VARIABLES = Map.of(
            "action", OBJECT,                                   // type, targets, params, reason, proposed_by, actor, impact
            "target", OBJECT,                                   // the first target: id, type, version, body, exists
            "targets", ListType.create(OBJECT),                 // every target
            "run", OBJECT,                                      // id, flow, step
            "today", MapType.create(SimpleType.STRING, SimpleType.INT), // action type -> carried out today
            "history", OBJECT,                                  // same_action_on_targets
            "vars", OBJECT);                                    // the policy's constants

    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler COMPILER = compiler();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private CelEnv() {}

    private static CelCompiler compiler() {
        var b = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setResultType(SimpleType.BOOL);
        VARIABLES.forEach(b::addVar);
        return b.build();
    }

    /** A compile error, with the position inside the expression (1-based line and column). */
    record Problem(String message, int line, int column) {}

    sealed interface Compiled {}

    record Ok(CelAbstractSyntaxTree ast, CelRuntime.Program program) implements Compiled {}

    record Bad(Problem problem) implements Compiled {}

    static Compiled compile(String expression) {
        CelValidationResult result = COMPILER.compile(expression);
        if (result.hasError()) {
            CelIssue first = result.getErrors().getFirst();
            var at = first.getSourceLocation();
            return new Bad(new Problem(first.getMessage(), Math.max(1, at.getLine()), at.getColumn() + 1));
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            return new Ok(ast, RUNTIME.createProgram(ast));
        } catch (CelValidationException | CelEvaluationException e) {
            return new Bad(new Problem(e.getMessage(), 1, 1));
        }
    }
}
