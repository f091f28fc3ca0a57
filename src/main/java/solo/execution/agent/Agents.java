package solo.execution.agent;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import solo.execution.action.ActionCatalog;
import solo.support.SoloException;

/** The company's agents, from its {@code agents/} folder. */
public final class Agents {
    private final Map<String, AgentDefinition> agents;

    private Agents(Map<String, AgentDefinition> agents) {
        this.agents = Map.copyOf(agents);
    }

    public static Agents load(Path dir, ActionCatalog actions) {
        return new Agents(new AgentLoader(dir, actions).load());
    }

    public Optional<AgentDefinition> find(String name) {
        return Optional.ofNullable(agents.get(name));
    }

    public AgentDefinition get(String name) {
        return find(name).orElseThrow(() -> new SoloException("unknown agent '" + name + "': agents/ defines "
                + (agents.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(agents.keySet())))));
    }

    public Collection<AgentDefinition> all() {
        return agents.values();
    }
}
