package solo.orchestration.expr;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one CEL environment of flows: conditions, branches, foreach lists and templated inputs are
 * compiled here once (when a flow is loaded), so a bad expression is refused before any run starts.
 */
public final class Cel {
    /** The names an expression may use; each is a JSON-like value (maps, lists, strings, numbers). */
    public static final List<String> VARIABLES =
            List.of("input", "trigger", "steps", "run", "item", "index", "entity", "before", "event", "payload", "hook",
                    "email", "now", "today");

    /** 1200 (from a JSON integer) compares with 5000.0 and 1200.5 with 5000, as an operator expects. */
    private static final CelOptions OPTIONS = CelOptions.current().enableHeterogeneousNumericComparisons(true).build();
    private static final CelCompiler COMPILER = compiler();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().setOptions(OPTIONS).build();

    private Cel() {}

    private static CelCompiler compiler() {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setOptions(OPTIONS).setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        for (String name : VARIABLES) {
            builder.addVar(name, SimpleType.DYN);
        }
        return builder.build();
    }

    /** Compiles an expression; a syntax or type error becomes an {@link ExpressionException}. */
    public static Expr compile(String source) {
        CelAbstractSyntaxTree ast;
        try {
            ast = COMPILER.compile(source).getAst();
        } catch (CelValidationException e) {
            CelIssue first = e.getErrors().getFirst();
            var at = first.getSourceLocation();
            String where = at.getLine() > 0 ? " (at column " + (at.getColumn() + 1) + ")" : "";
            throw new ExpressionException("bad expression '" + source + "': " + first.getMessage() + where);
        }
        try {
            return new Expr(source, RUNTIME.createProgram(ast), stepsUsed(ast));
        } catch (dev.cel.common.CelException e) {
            throw new ExpressionException("bad expression '" + source + "': " + e.getMessage());
        }
    }

    /** The ids of earlier steps an expression reads ({@code steps.research.output}). */
    private static Set<String> stepsUsed(CelAbstractSyntaxTree ast) {
        Set<String> ids = new TreeSet<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(node -> {
            CelExpr e = node.expr();
            if (e.exprKind().getKind() == CelExpr.ExprKind.Kind.SELECT) {
                CelExpr operand = e.select().operand();
                if (operand.exprKind().getKind() == CelExpr.ExprKind.Kind.IDENT
                        && operand.ident().name().equals("steps")) {
                    ids.add(e.select().field());
                }
            }
        });
        return ids;
    }
}
