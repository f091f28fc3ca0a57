package solo.orchestration.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import solo.support.yaml.YamlDocument;

/** Collects the problems of one flow file, each placed at file:line:column, and knows its surroundings. */
public final class FlowCheck {
    private final YamlDocument document;
    private final Predicate<String> flowExists;
    private final Predicate<String> entityTypeExists;
    private final Predicate<String> hookExists;
    private final List<String> problems = new ArrayList<>();

    FlowCheck(YamlDocument document, Predicate<String> flowExists, Predicate<String> entityTypeExists,
            Predicate<String> hookExists) {
        this.document = document;
        this.flowExists = flowExists;
        this.entityTypeExists = entityTypeExists;
        this.hookExists = hookExists;
    }

    public void error(String pointer, String message) {
        problems.add(document.describe(pointer) + ": " + message);
    }

    public boolean flowExists(String name) {
        return flowExists.test(name);
    }

    public boolean entityTypeExists(String type) {
        return entityTypeExists.test(type);
    }

    /** Whether solo.yaml declares this inbound webhook. */
    public boolean hookExists(String name) {
        return hookExists.test(name);
    }

    List<String> problems() {
        return problems;
    }
}
