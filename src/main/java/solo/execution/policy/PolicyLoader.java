package solo.execution.policy;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import solo.execution.config.ConfigNode;
import solo.execution.config.JsonValues;
import solo.support.SoloException;
import solo.support.yaml.YamlDocument;

/**
 * Reads {@code policies/*.yaml}:
 *
 * <pre>
 * description: At most N outbound emails a day.
 * vars: {max_per_day: 50}
 * rules:
 *   - name: daily_cap
 *     when: action.type == 'send_email' &amp;&amp; today.send_email + size(action.targets) &gt; vars.max_per_day
 *     effect: deny
 *     reason: "the daily cap of {{vars.max_per_day}} outbound emails is reached"
 * </pre>
 *
 * Bad CEL, a field that cannot exist, an unknown effect: an error naming file:line:column.
 */
final class PolicyLoader {
    private static final Set<String> FIELDS = Set.of("name", "description", "vars", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("name", "when", "effect", "reason");
    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).defaultValue("");

    private final Path dir;
    private final Set<String> bodyFields;
    private final Set<String> actionTypes;

    PolicyLoader(Path dir, Set<String> bodyFields, Set<String> actionTypes) {
        this.dir = dir;
        this.bodyFields = bodyFields;
        this.actionTypes = actionTypes;
    }

    List<Policy> load() {
        List<Policy> policies = new ArrayList<>();
        for (Path file : files()) {
            Path shown = Path.of(dir.getFileName().toString(), file.getFileName().toString());
            policies.add(policy(ConfigNode.root(YamlDocument.read(file, shown)), file));
        }
        return policies;
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new SoloException(dir + ": cannot list the policies folder: " + e.getMessage(), e);
        }
    }

    private Policy policy(ConfigNode root, Path file) {
        root.requireObject("description, vars, rules").allowKeys(FIELDS);
        String name = root.optText("name").orElse(file.getFileName().toString().replaceFirst("\\.ya?ml$", ""));
        ConfigNode varsNode = root.child("vars");
        if (!varsNode.absent()) {
            varsNode.requireObject("constants the rules read as vars.NAME");
        }
        Map<String, Object> vars = JsonValues.toMap(varsNode.node());
        ConfigNode rulesNode = root.child("rules");
        if (rulesNode.absent() || !rulesNode.node().isArray() || rulesNode.node().isEmpty()) {
            throw rulesNode.absent() ? root.error("rules is missing: a policy needs at least one rule")
                    : rulesNode.error("rules must be a list of {name, when, effect, reason}");
        }
        FieldCheck fields = new FieldCheck(bodyFields, actionTypes, vars.keySet());
        List<PolicyRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigNode r : rulesNode.items()) {
            PolicyRule rule = rule(name, r, fields);
            if (!names.add(rule.name())) {
                throw r.child("name").error("a second rule named '" + rule.name() + "' in this policy");
            }
            rules.add(rule);
        }
        return new Policy(name, root.optText("description").orElse(""), vars, List.copyOf(rules), file);
    }

    private static PolicyRule rule(String policy, ConfigNode r, FieldCheck fields) {
        r.requireObject("name, when, effect, reason").allowKeys(RULE_FIELDS);
        String name = r.text("name");
        ConfigNode whenNode = r.child("when");
        String when = whenNode.text();
        CelEnv.Compiled compiled = CelEnv.compile(when);
        if (compiled instanceof CelEnv.Bad bad) {
            throw whenNode.error("rule " + name + ": invalid CEL at line " + bad.problem().line() + ", column "
                    + bad.problem().column() + " of the condition: " + bad.problem().message().replaceAll("\\s+", " "));
        }
        CelEnv.Ok ok = (CelEnv.Ok) compiled;
        fields.check(ok.ast()).ifPresent(problem -> {
            throw whenNode.error("rule " + name + ": " + problem);
        });
        ConfigNode effectNode = r.child("effect");
        Effect effect = Effect.parse(effectNode.text());
        if (effect == null) {
            throw effectNode.error("effect must be deny, require_approval or allow");
        }
        String reasonText = r.optText("reason").orElse(null);
        if (reasonText == null && effect == Effect.DENY) {
            throw r.error("rule " + name + ": a deny rule needs a reason (the operator and the agent are told it)");
        }
        Template reason;
        try {
            reason = MUSTACHE.compile(reasonText == null ? name : reasonText);
        } catch (MustacheException e) {
            throw r.child("reason").error("reason is not a valid template: " + e.getMessage());
        }
        return new PolicyRule(policy, name, when, ok.program(), effect, reason, r.where());
    }
}
