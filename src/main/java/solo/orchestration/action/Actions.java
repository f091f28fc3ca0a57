package solo.orchestration.action;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The registry of actions by name; an action registered again replaces the earlier one. */
public final class Actions {
    private final Map<String, Action> actions = new TreeMap<>();

    public Actions register(Action action) {
        actions.put(action.name(), action);
        return this;
    }

    public Optional<Action> find(String name) {
        return Optional.ofNullable(actions.get(name));
    }

    public Map<String, Action> all() {
        return Collections.unmodifiableMap(actions);
    }

    /** The actions every company has: entity writes, notes and attaching artifacts. */
    public static Actions builtIn() {
        return new Actions().register(new EntityActions.Create()).register(new EntityActions.Update())
                .register(new EntityActions.Link()).register(new NoteAddAction()).register(new ArtifactAttachAction());
    }
}
