package solo.execution.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** A business rule file, {@code policies/NAME.yaml}: named rules and the constants ({@code vars}) they use. */
public record Policy(String name, String description, Map<String, Object> vars, List<PolicyRule> rules, Path file) {}
