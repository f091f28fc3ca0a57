package solo.execution.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.ExprKind.Kind;
import dev.cel.common.navigation.CelNavigableAst;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds fields a condition reads that cannot exist: {@code action.typ}, {@code run.flw},
 * {@code target.body.opted_ot} (no entity type declares it), {@code vars.max} (the policy has no such var).
 * CEL's own checker cannot, since the variables are maps; a typo would otherwise fail only at run time.
 */
final class FieldCheck {
    static final Map<String, Set<String>> FIELDS = Map.of(
            "action", Set.of("type", "targets", "params", "reason", "proposed_by", "actor", "impact"),
            "target", Set.of("id", "type", "version", "body", "exists"),
            "run", Set.of("id", "flow", "step"),
            "history", Set.of("same_action_on_targets"));

    private final Set<String> bodyFields;
    private final Set<String> actionTypes;
    private final Set<String> vars;

    /**
     * @param bodyFields every property some entity type declares (empty: unchecked)
     * @param actionTypes the action types (the keys of {@code today})
     */
    FieldCheck(Set<String> bodyFields, Set<String> actionTypes, Set<String> vars) {
        this.bodyFields = bodyFields;
        this.actionTypes = actionTypes;
        this.vars = vars;
    }

    /** The first impossible field, as {@code action.typ: unknown field ...}; empty when all are fine. */
    Optional<String> check(CelAbstractSyntaxTree ast) {
        Map<String, String> aliases = new HashMap<>();
        CelNavigableAst.fromAst(ast).getRoot().allNodes().forEach(n -> {
            CelExpr e = n.expr();
            if (e.getKind() == Kind.COMPREHENSION) {
                List<String> range = path(e.comprehension().iterRange());
                if (range != null && range.equals(List.of("targets"))) {
                    aliases.put(e.comprehension().iterVar(), "target");
                }
            }
        });
        return CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .filter(n -> n.expr().getKind() == Kind.SELECT)
                .map(n -> problem(path(n.expr()), aliases))
                .filter(Optional::isPresent).map(Optional::get).findFirst();
    }

    private Optional<String> problem(List<String> path, Map<String, String> aliases) {
        if (path == null || path.size() < 2) {
            return Optional.empty();
        }
        String root = aliases.getOrDefault(path.get(0), path.get(0));
        String field = path.get(1);
        Set<String> known = switch (root) {
            case "today" -> actionTypes;
            case "vars" -> vars;
            default -> FIELDS.get(root);
        };
        if (known == null) {
            return Optional.empty();
        }
        String shown = String.join(".", path.subList(0, 2));
        if (!known.contains(field)) {
            return Optional.of(shown + ": unknown field '" + field + "' (known: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
        }
        if (root.equals("target") && field.equals("body") && path.size() > 2 && !bodyFields.isEmpty()
                && !bodyFields.contains(path.get(2))) {
            return Optional.of(String.join(".", path.subList(0, 3)) + ": no entity type declares a field '" + path.get(2) + "'");
        }
        return Optional.empty();
    }

    /** {@code a.b.c} as [a, b, c]; null when the chain does not start at a variable. */
    private static List<String> path(CelExpr e) {
        List<String> out = new ArrayList<>();
        CelExpr c = e;
        while (c.getKind() == Kind.SELECT) {
            out.addFirst(c.select().field());
            c = c.select().operand();
        }
        if (c.getKind() != Kind.IDENT) {
            return null;
        }
        out.addFirst(c.ident().name());
        return out;
    }
}
