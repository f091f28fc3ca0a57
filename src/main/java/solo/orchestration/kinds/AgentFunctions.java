package solo.orchestration.kinds;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import solo.support.Json;

/** Agent functions by name. {@code noop} returns an empty object and {@code echo} returns its input. */
public final class AgentFunctions {
    private final Map<String, AgentFunction> functions = new TreeMap<>();

    public static AgentFunctions builtIn() {
        return new AgentFunctions()
                .register("noop", c -> Json.object())
                .register("echo", c -> c.input() == null ? Json.object() : c.input());
    }

    public AgentFunctions register(String name, AgentFunction function) {
        functions.put(name, function);
        return this;
    }

    public Optional<AgentFunction> find(String name) {
        return Optional.ofNullable(functions.get(name));
    }

    public Set<String> names() {
        return functions.keySet();
    }
}
