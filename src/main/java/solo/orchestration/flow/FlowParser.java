package solo.orchestration.flow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import solo.orchestration.expr.Template;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/**
 * Reads one flow file into a {@link FlowDefinition}, or refuses it with every problem found, each at
 * file:line:column: unknown keys and step kinds, bad expressions, references to steps that do not
 * exist, cycles, duplicate ids, missing required inputs.
 */
public final class FlowParser {
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Set<String> TOP = Set.of("name", "description", "input", "triggers", "steps", "output");

    private final Map<String, ? extends StepKindRules> kinds;
    private final Predicate<String> flowExists;
    private final Predicate<String> entityTypeExists;
    private final Predicate<String> hookExists;

    public FlowParser(Map<String, ? extends StepKindRules> kinds, Predicate<String> flowExists,
            Predicate<String> entityTypeExists) {
        this(kinds, flowExists, entityTypeExists, hook -> true);
    }

    /** {@code hookExists}: whether solo.yaml declares an inbound webhook (what {@code webhook:} triggers name). */
    public FlowParser(Map<String, ? extends StepKindRules> kinds, Predicate<String> flowExists,
            Predicate<String> entityTypeExists, Predicate<String> hookExists) {
        this.kinds = kinds;
        this.flowExists = flowExists;
        this.entityTypeExists = entityTypeExists;
        this.hookExists = hookExists;
    }

    /** Parses the text of {@code file} (shown as given, e.g. {@code flows/lead.yaml}). */
    public FlowDefinition parse(Path file, String text) {
        YamlDocument doc = YamlDocument.parse(file, text);
        FlowCheck check = new FlowCheck(doc, flowExists, entityTypeExists, hookExists);
        JsonNode root = doc.root();
        if (!root.isObject()) {
            throw new FlowException(doc.describe("") + ": a flow must be a mapping with steps (and name, triggers, input)");
        }
        for (String key : root.propertyNames()) {
            if (!TOP.contains(key)) {
                check.error("/" + key, "unknown key '" + key + "' (known: description, input, name, output, steps, triggers)");
            }
        }
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = root.path("name").asString(stem);
        if (!NAME.matcher(name).matches()) {
            check.error(root.has("name") ? "/name" : "", "flow name '" + name
                    + "' must be lower-case letters, digits, '-' or '_', starting with a letter");
        }
        List<String> required = requiredInputs(root.path("input"), check);
        List<TriggerDefinition> triggers = new TriggerParser(check).parse(root.path("triggers"));
        List<StepDefinition> steps = new StepParser(kinds, check).parseAll(root.path("steps"));
        if (root.has("name") && !name.equals(stem)) {
            check.error("/name", "flow name '" + name + "' must match its file name (" + stem + ")");
        }
        Set<String> declared = new HashSet<>();
        root.path("steps").forEach(s -> declared.add(s.path("id").asString("")));
        List<StepDefinition> ordered = FlowGraph.order(steps, declared, check);
        Template output = Template.compile(root.path("output"), (p, m) -> check.error("/output" + p, m));
        for (String missing : output.steps().stream().filter(r -> !declared.contains(r)).toList()) {
            check.error("/output", "output reads steps." + missing + ", but there is no step '" + missing + "'");
        }
        if (!check.problems().isEmpty()) {
            throw new FlowException(check.problems());
        }
        return new FlowDefinition(name, root.path("description").asString(""), file.toString(), sha256(text), text,
                required, root.path("input"), triggers, ordered, output);
    }

    private static List<String> requiredInputs(JsonNode input, FlowCheck check) {
        List<String> required = new ArrayList<>();
        if (input.isMissingNode() || input.isNull()) {
            return required;
        }
        if (!input.isObject()) {
            check.error("/input", "input must be a JSON Schema object (with required: and properties:)");
            return required;
        }
        JsonNode req = input.path("required");
        if (!req.isMissingNode() && !req.isArray()) {
            check.error("/input/required", "input.required must be a list of input names");
        }
        req.forEach(n -> required.add(n.asString()));
        return required;
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
