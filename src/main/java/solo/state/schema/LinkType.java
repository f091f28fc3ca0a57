package solo.state.schema;

import java.util.Set;

/**
 * A declared kind of relation. {@code from} and {@code to} are the entity types allowed at each end;
 * an empty set means any type.
 */
public record LinkType(String name, String description, Set<String> from, Set<String> to) {
    public boolean allows(String fromType, String toType) {
        return (from.isEmpty() || from.contains(fromType)) && (to.isEmpty() || to.contains(toType));
    }
}
