package solo.execution.agent;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import solo.execution.action.ActionCatalog;
import solo.execution.config.ConfigNode;
import solo.execution.ledger.Money;
import solo.execution.model.Tier;
import solo.execution.tool.ReadTool;
import solo.support.SoloException;
import solo.support.yaml.YamlDocument;

/** Reads {@code agents/*.yaml}, refusing any definition that breaks a rule with file:line:column. */
final class AgentLoader {
    private static final Set<String> FIELDS = Set.of("name", "description", "tier", "instructions", "input", "output",
            "tools", "actions", "memory", "budget");
    static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).defaultValue("");

    private final Path dir;
    private final ActionCatalog actions;

    AgentLoader(Path dir, ActionCatalog actions) {
        this.dir = dir;
        this.actions = actions;
    }

    Map<String, AgentDefinition> load() {
        Map<String, AgentDefinition> agents = new LinkedHashMap<>();
        for (Path file : files()) {
            Path shown = Path.of(dir.getFileName().toString(), file.getFileName().toString());
            AgentDefinition agent = agent(ConfigNode.root(YamlDocument.read(file, shown)), file);
            agents.put(agent.name(), agent);
        }
        return agents;
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new SoloException(dir + ": cannot list the agents folder: " + e.getMessage(), e);
        }
    }

    private AgentDefinition agent(ConfigNode root, Path file) {
        root.requireObject("name, tier, instructions, input, output, tools, actions, memory, budget").allowKeys(FIELDS);
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = root.text("name");
        if (!name.equals(stem)) {
            throw root.child("name").error("the agent's name '" + name + "' must match its file name (" + stem + ")");
        }
        Tier tier = Tier.parse(root.text("tier"));
        if (tier == null) {
            throw root.child("tier").error("tier must be fast, standard or premium");
        }
        return new AgentDefinition(name, root.optText("description").orElse(""), tier, template(root.child("instructions")),
                root.has("input") ? Contract.compile(root.child("input")) : null, Contract.compile(root.child("output")),
                tools(root), actionTypes(root), memory(root.child("memory")), contextTokens(root.child("memory")),
                budget(root.child("budget")), file);
    }

    private static Template template(ConfigNode node) {
        String text = node.text();
        try {
            return MUSTACHE.compile(text);
        } catch (MustacheException e) {
            throw node.error("instructions are not a valid Mustache template: " + e.getMessage());
        }
    }

    private static Set<ReadTool> tools(ConfigNode root) {
        Set<ReadTool> tools = EnumSet.noneOf(ReadTool.class);
        List<ConfigNode> items = root.child("tools").items();
        List<String> names = root.texts("tools");
        for (int i = 0; i < names.size(); i++) {
            ReadTool t = ReadTool.parse(names.get(i));
            if (t == null) {
                throw (items.isEmpty() ? root.child("tools") : items.get(i)).error("unknown tool '" + names.get(i)
                        + "' (expected search_memory, read_entity, list_neighbours; actions go under actions:)");
            }
            tools.add(t);
        }
        return tools;
    }

    private List<String> actionTypes(ConfigNode root) {
        List<String> names = root.texts("actions");
        List<ConfigNode> items = root.child("actions").items();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (actions.find(names.get(i)).isEmpty()) {
                throw (items.isEmpty() ? root.child("actions") : items.get(i)).error("unknown action type '" + names.get(i)
                        + "' (known: " + String.join(", ", actions.names()) + "; declare new ones in solo.yaml escalation.actions)");
            }
            out.add(names.get(i));
        }
        return List.copyOf(out);
    }

    private static MemoryScope memory(ConfigNode node) {
        if (node.absent()) {
            return MemoryScope.ENTITY;
        }
        ConfigNode scopeNode = node.node().isObject() ? node.allowKeys(Set.of("scope", "context_tokens")).child("scope") : node;
        MemoryScope scope = MemoryScope.parse(scopeNode.text());
        if (scope == null) {
            throw scopeNode.error("memory scope must be none, entity, neighbours or company");
        }
        return scope;
    }

    /** {@code memory.context_tokens}: how large a context pack the runtime builds for the agent's steps. */
    private static int contextTokens(ConfigNode node) {
        return node.absent() || !node.node().isObject() ? AgentDefinition.DEFAULT_CONTEXT_TOKENS
                : node.integer("context_tokens", AgentDefinition.DEFAULT_CONTEXT_TOKENS, 0, 200_000);
    }

    private static AgentBudget budget(ConfigNode node) {
        if (node.absent()) {
            return AgentBudget.DEFAULT;
        }
        node.allowKeys(Set.of("max_cost", "max_output_tokens", "max_tool_rounds"));
        Integer maxOut = node.has("max_output_tokens") ? node.integer("max_output_tokens", 0, 1, 1_000_000) : null;
        return new AgentBudget(Money.micros(node.number("max_cost", 0, 0, 1e6)), maxOut,
                node.integer("max_tool_rounds", AgentBudget.DEFAULT.maxToolRounds(), 0, 20));
    }
}
