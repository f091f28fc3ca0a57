package solo.orchestration.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import solo.orchestration.flow.Durations;
import solo.support.SoloException;
import solo.support.yaml.YamlDocument;
import solo.support.yaml.YamlException;
import tools.jackson.databind.JsonNode;

/**
 * The company's playbooks ({@code playbooks/*.yaml}), read when they change. Every problem of every file is
 * reported with its file:line:column, and a company with a broken playbook has none until it is fixed
 * (a half-read recovery procedure is worse than none).
 *
 * <pre>
 * description: The model provider did not answer
 * on: {failure: model_provider_down, flow: [lead-qualification], step: [draft], error: [timeout], action: [http]}
 * automatic: true
 * actions:
 *   - retry: {after: 1m, attempts: 3}
 *   - retry_on_tier: standard
 *   - notify: "The model provider looks down"
 * </pre>
 */
public final class Playbooks {
    private static final Set<String> FIELDS = Set.of("description", "on", "automatic", "actions");
    private static final Set<String> ON = Set.of("failure", "error", "flow", "step", "action");
    private static final Set<String> ACTIONS = Set.of("retry", "retry_on_tier", "fork", "compensate", "cancel", "notify");
    /** The model tiers agents name (solo.yaml {@code tiers}). */
    static final Set<String> TIERS = Set.of("fast", "standard", "premium");
    static final int MAX_ATTEMPTS = 10;

    private final Path dir;
    private volatile Loaded loaded;

    private record Loaded(String stamp, List<Playbook> playbooks) {}

    public Playbooks(Path dir) {
        this.dir = dir;
    }

    /** Every playbook, by name; throws {@link PlaybookException} naming every problem when one is broken. */
    public List<Playbook> all() {
        String stamp = stamp();
        Loaded l = loaded;
        if (l == null || !l.stamp().equals(stamp)) {
            l = new Loaded(stamp, read());
            loaded = l;
        }
        return l.playbooks();
    }

    /** The playbook for a failure: the most narrowly written that matches, by name on a tie. */
    public Optional<Playbook> match(Failure failure) {
        return all().stream().filter(p -> p.matches(failure))
                .max(Comparator.comparingInt(Playbook::specificity).thenComparing(Playbook::name, Comparator.reverseOrder()));
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("[^.].*\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new SoloException(dir + ": cannot list playbooks: " + e.getMessage(), e);
        }
    }

    private String stamp() {
        StringBuilder b = new StringBuilder();
        for (Path f : files()) {
            try {
                b.append(f).append('@').append(Files.getLastModifiedTime(f).toMillis()).append('/').append(Files.size(f)).append(';');
            } catch (IOException e) {
                b.append(f).append("@?;");
            }
        }
        return b.toString();
    }

    private List<Playbook> read() {
        List<Playbook> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path f : files()) {
            Path shown = dir.getParent() == null ? f.getFileName() : dir.getParent().relativize(f);
            try {
                YamlDocument doc = YamlDocument.read(f, shown);
                Playbook p = parse(doc, f, problems);
                if (p != null) {
                    out.add(p);
                }
            } catch (YamlException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PlaybookException(problems);
        }
        return List.copyOf(out);
    }

    /** Reads one playbook file; its problems are added to {@code problems} (null when it has any). */
    static Playbook parse(YamlDocument doc, Path file, List<String> problems) {
        int before = problems.size();
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        JsonNode root = doc.root();
        if (!root.isObject()) {
            problems.add(doc.describe("") + ": a playbook is a mapping: description, on, automatic, actions");
            return null;
        }
        for (String key : root.propertyNames()) {
            if (!FIELDS.contains(key)) {
                problems.add(at(doc, "/" + key) + ": unknown playbook field '" + key + "' (known: actions, automatic, description, on)");
            }
        }
        String description = root.path("description").asString("");
        if (root.has("description") && !root.get("description").isString()) {
            problems.add(doc.describe("/description") + ": description must be text");
        }
        boolean automatic = false;
        if (root.has("automatic")) {
            if (!root.get("automatic").isBoolean()) {
                problems.add(doc.describe("/automatic") + ": automatic must be true or false");
            } else {
                automatic = root.get("automatic").asBoolean();
            }
        }
        Set<FailureKind> failures = new LinkedHashSet<>();
        Set<String> errors = new TreeSet<>();
        Set<String> flows = new TreeSet<>();
        Set<String> steps = new TreeSet<>();
        Set<String> onActions = new TreeSet<>();
        JsonNode on = root.path("on");
        if (!on.isObject()) {
            problems.add(doc.describe(on.isMissingNode() ? "" : "/on") + ": a playbook needs on: {failure: KIND} (kinds: "
                    + FailureKind.names() + ")");
        } else {
            for (String key : on.propertyNames()) {
                if (!ON.contains(key)) {
                    problems.add(at(doc, "/on/" + key) + ": unknown field '" + key + "' in on (known: action, error, failure, flow, step)");
                }
            }
            for (String kind : texts(doc, on, "failure", problems)) {
                FailureKind k = FailureKind.parse(kind);
                if (k == null) {
                    problems.add(doc.describe("/on/failure") + ": unknown failure '" + kind + "' (known: " + FailureKind.names() + ")");
                } else {
                    failures.add(k);
                }
            }
            errors.addAll(texts(doc, on, "error", problems));
            flows.addAll(texts(doc, on, "flow", problems));
            steps.addAll(texts(doc, on, "step", problems));
            onActions.addAll(texts(doc, on, "action", problems));
            if (failures.isEmpty() && errors.isEmpty() && problems.size() == before) {
                problems.add(doc.describe("/on") + ": on needs a failure (" + FailureKind.names() + ") or an error class");
            }
        }
        List<PlaybookAction> actions = actions(doc, root.path("actions"), automatic, failures, problems);
        return problems.size() > before ? null
                : new Playbook(name, file, description, failures, errors, flows, steps, onActions, automatic, actions);
    }

    private static List<PlaybookAction> actions(YamlDocument doc, JsonNode list, boolean automatic, Set<FailureKind> failures,
            List<String> problems) {
        List<PlaybookAction> out = new ArrayList<>();
        if (!list.isArray() || list.isEmpty()) {
            problems.add(doc.describe(list.isMissingNode() ? "" : "/actions") + ": a playbook needs a list of actions ("
                    + String.join(", ", new TreeSet<>(ACTIONS)) + ")");
            return out;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String p = "/actions/" + i;
            JsonNode a = list.get(i);
            String name;
            JsonNode arg;
            if (a.isString()) {
                name = a.asString();
                arg = null;
            } else if (a.isObject() && a.size() == 1) {
                name = a.propertyNames().iterator().next();
                arg = a.get(name);
                p = p + "/" + name;
            } else {
                problems.add(doc.describe(p) + ": an action is a name (cancel) or one name with its settings (retry: {after: 1m})");
                continue;
            }
            if (!ACTIONS.contains(name)) {
                problems.add((arg == null ? doc.describe(p) : at(doc, p)) + ": unknown action '" + name + "' (known: "
                        + String.join(", ", new TreeSet<>(ACTIONS)) + ")");
                continue;
            }
            if (!seen.add(name)) {
                problems.add(doc.describe(p) + ": action '" + name + "' is listed twice");
                continue;
            }
            PlaybookAction action = action(doc, p, name, arg, problems);
            if (action == null) {
                continue;
            }
            if (automatic && action instanceof PlaybookAction.Fork) {
                problems.add(doc.describe(p) + ": fork needs the input you edit, so an automatic playbook cannot take it");
                continue;
            }
            if (automatic && failures.contains(FailureKind.OUTCOME_UNKNOWN)
                    && (action instanceof PlaybookAction.Retry || action instanceof PlaybookAction.RetryOnTier)) {
                problems.add(doc.describe(p) + ": an action whose outcome is unknown is never repeated by itself"
                        + " (it may have taken effect); leave retry to the operator or make the playbook not automatic");
                continue;
            }
            out.add(action);
        }
        return out;
    }

    private static PlaybookAction action(YamlDocument doc, String p, String name, JsonNode arg, List<String> problems) {
        int before = problems.size();
        switch (name) {
            case "retry" -> {
                Set<String> known = Set.of("after", "attempts");
                checkKeys(doc, p, arg, known, problems);
                Duration after = Duration.ofSeconds(30);
                if (arg != null && arg.has("after")) {
                    try {
                        after = Durations.parse(arg.get("after").asString(""));
                    } catch (IllegalArgumentException e) {
                        problems.add(doc.describe(p + "/after") + ": after " + e.getMessage());
                    }
                }
                int attempts = attempts(doc, p, arg, 3, problems);
                return problems.size() > before ? null : new PlaybookAction.Retry(after, attempts);
            }
            case "retry_on_tier" -> {
                String tier = arg == null ? null : arg.isString() ? arg.asString() : arg.path("tier").asString(null);
                if (arg != null && arg.isObject()) {
                    checkKeys(doc, p, arg, Set.of("tier", "attempts"), problems);
                }
                if (tier == null || !TIERS.contains(tier)) {
                    problems.add(doc.describe(p) + ": retry_on_tier names a tier (fast, standard, premium)"
                            + (tier == null ? "" : ", not '" + tier + "'"));
                }
                int attempts = arg != null && arg.isObject() ? attempts(doc, p, arg, 1, problems) : 1;
                return problems.size() > before ? null : new PlaybookAction.RetryOnTier(tier, attempts);
            }
            case "fork" -> {
                String from = arg == null ? null : arg.isString() ? arg.asString() : arg.path("from").asString(null);
                if (arg != null && arg.isObject()) {
                    checkKeys(doc, p, arg, Set.of("from"), problems);
                }
                if (from != null && !from.matches("[a-z][a-z0-9_]{0,63}")) {
                    problems.add(doc.describe(p) + ": fork from names a step id, not '" + from + "'");
                }
                return problems.size() > before ? null : new PlaybookAction.Fork(from);
            }
            case "notify" -> {
                if (arg != null && !arg.isString()) {
                    problems.add(doc.describe(p) + ": notify takes the text of the message (notify: \"The provider is down\")");
                    return null;
                }
                return new PlaybookAction.Notify(arg == null ? "" : arg.asString());
            }
            default -> {
                if (arg != null && !arg.isNull()) {
                    problems.add(doc.describe(p) + ": " + name + " takes no settings");
                    return null;
                }
                return name.equals("cancel") ? new PlaybookAction.Cancel() : new PlaybookAction.Compensate();
            }
        }
    }

    private static void checkKeys(YamlDocument doc, String p, JsonNode arg, Set<String> known, List<String> problems) {
        if (arg == null || arg.isNull()) {
            return;
        }
        if (!arg.isObject()) {
            problems.add(doc.describe(p) + ": settings are a mapping (" + String.join(", ", new TreeSet<>(known)) + ")");
            return;
        }
        for (String key : arg.propertyNames()) {
            if (!known.contains(key)) {
                problems.add(at(doc, p + "/" + key) + ": unknown setting '" + key + "' (known: "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private static int attempts(YamlDocument doc, String p, JsonNode arg, int fallback, List<String> problems) {
        if (arg == null || !arg.has("attempts")) {
            return fallback;
        }
        JsonNode n = arg.get("attempts");
        if (!n.isIntegralNumber() || n.intValue() < 1 || n.intValue() > MAX_ATTEMPTS) {
            problems.add(doc.describe(p + "/attempts") + ": attempts must be a whole number from 1 to " + MAX_ATTEMPTS);
            return fallback;
        }
        return n.intValue();
    }

    /** A field given as one text or a list of texts. */
    private static List<String> texts(YamlDocument doc, JsonNode on, String field, List<String> problems) {
        JsonNode v = on.get(field);
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        if (v.isString()) {
            out.add(v.asString());
        } else if (v.isArray() && !v.isEmpty()) {
            for (JsonNode n : v) {
                if (n.isString()) {
                    out.add(n.asString());
                } else {
                    problems.add(doc.describe("/on/" + field) + ": " + field + " must be text or a list of texts");
                    return List.of();
                }
            }
        } else {
            problems.add(doc.describe("/on/" + field) + ": " + field + " must be text or a list of texts");
        }
        return out;
    }

    private static String at(YamlDocument doc, String pointer) {
        return doc.errorAtKey(pointer, "").getMessage().replaceFirst(":\\s*$", "");
    }
}
