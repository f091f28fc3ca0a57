package solo.orchestration.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import solo.company.Company;
import solo.orchestration.flow.FlowDefinition;
import solo.orchestration.flow.FlowException;
import solo.orchestration.flow.FlowParser;
import solo.orchestration.step.StepKinds;
import solo.state.storage.Storage;
import solo.state.storage.WriteTx;
import solo.support.SoloException;

/**
 * The company's flows: the files in {@code flows/} (read again when they change) and every version a
 * run was started on (kept in the database, so a run finishes on the version it began with even after
 * the file changed or went away).
 */
public final class FlowCatalog {
    private record Cached(long modified, long size, FlowDefinition definition, FlowException problem) {}

    private final Path companyDir;
    private final Path flowsDir;
    private final StepKinds kinds;
    private final Predicate<String> entityTypeExists;
    private final Storage storage;
    private final Map<String, Cached> files = new ConcurrentHashMap<>();
    private final Map<String, FlowDefinition> versions = new ConcurrentHashMap<>();
    private final Map<String, Integer> versionByHash = new ConcurrentHashMap<>();
    private final ThreadLocal<Set<String>> parsing = ThreadLocal.withInitial(HashSet::new);

    public FlowCatalog(Path companyDir, StepKinds kinds, Predicate<String> entityTypeExists, Storage storage) {
        this.companyDir = companyDir;
        this.flowsDir = companyDir.resolve("flows");
        this.kinds = kinds;
        this.entityTypeExists = entityTypeExists;
        this.storage = storage;
    }

    /** Names of the flows in flows/, sorted. */
    public List<String> names() {
        if (!Files.isDirectory(flowsDir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(flowsDir)) {
            return list.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
                    .map(n -> n.replaceFirst("\\.ya?ml$", "")).sorted().toList();
        } catch (IOException e) {
            throw new SoloException(flowsDir + ": cannot list flows: " + e.getMessage());
        }
    }

    /** The flow as its file says now; refused with file:line:column when the file is invalid. */
    public FlowDefinition current(String name) {
        Path file = file(name);
        if (file == null) {
            throw new SoloException("no flow '" + name + "' (flows/" + name + ".yaml does not exist; known: "
                    + String.join(", ", names()) + ")");
        }
        try {
            long modified = Files.getLastModifiedTime(file).toMillis();
            long size = Files.size(file);
            Cached c = files.get(name);
            if (c == null || c.modified() != modified || c.size() != size) {
                c = load(name, file, modified, size);
                files.put(name, c);
            }
            if (c.problem() != null) {
                throw c.problem();
            }
            return c.definition();
        } catch (IOException e) {
            throw new SoloException(companyDir.relativize(file) + ": cannot read: " + e.getMessage());
        }
    }

    private Cached load(String name, Path file, long modified, long size) throws IOException {
        String text = Files.readString(file);
        try {
            return new Cached(modified, size, parse(companyDir.relativize(file), text), null);
        } catch (FlowException e) {
            return new Cached(modified, size, null, e);
        } catch (SoloException e) {
            return new Cached(modified, size, null, new FlowException(e.getMessage()));
        }
    }

    private FlowDefinition parse(Path shownAs, String text) {
        String name = shownAs.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        parsing.get().add(name);
        try {
            return new FlowParser(kinds.all(), n -> file(n) != null, entityTypeExists, this::hookDeclared).parse(shownAs, text);
        } finally {
            parsing.get().remove(name);
        }
    }

    /** Inputs a flow requires (for steps that start it); empty for a flow being read right now (recursion). */
    public List<String> requiredInputs(String name) {
        if (parsing.get().contains(name)) {
            return List.of();
        }
        try {
            return current(name).requiredInputs();
        } catch (SoloException e) {
            return List.of(); // its own problems are reported for its own file
        }
    }

    /** Every problem of every flow file, each a line with file:line:column. */
    public List<String> validate() {
        List<String> problems = new ArrayList<>();
        for (String name : names()) {
            try {
                current(name);
            } catch (FlowException e) {
                problems.addAll(e.problems());
            } catch (SoloException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /** The flows whose files are valid now (what triggers fire). */
    public List<FlowDefinition> valid() {
        List<FlowDefinition> out = new ArrayList<>();
        for (String name : names()) {
            try {
                out.add(current(name));
            } catch (SoloException e) {
                // reported by solo flow validate; an invalid flow does not fire
            }
        }
        return out;
    }

    /** The version number of this definition, stored on first use. Runs inside the run's creating transaction. */
    public int register(WriteTx tx, FlowDefinition def, long now) throws SQLException {
        String key = def.name() + "@" + def.hash();
        Integer known = versionByHash.get(key);
        if (known != null) {
            return known;
        }
        var found = tx.queryOne("SELECT version FROM flow_versions WHERE flow = ? AND hash = ?", rs -> rs.getInt(1),
                def.name(), def.hash());
        int version;
        if (found.isPresent()) {
            version = found.get();
        } else {
            version = (int) tx.queryLong("SELECT coalesce(max(version), 0) FROM flow_versions WHERE flow = ?", def.name()) + 1;
            tx.update("INSERT INTO flow_versions (flow, version, hash, file, definition, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    def.name(), version, def.hash(), def.file(), def.text(), now);
            // a rolled-back transaction must not leave this number cached
            return version;
        }
        versionByHash.put(key, version);
        versions.putIfAbsent(def.name() + "@" + version, def);
        return version;
    }

    /** The definition a run started on. */
    public FlowDefinition version(String name, int version) {
        return versions.computeIfAbsent(name + "@" + version, k -> storage.read(sql -> sql.queryOne(
                "SELECT file, definition FROM flow_versions WHERE flow = ? AND version = ?",
                rs -> parse(Path.of(rs.getString(1)), rs.getString(2)), name, version))
                .orElseThrow(() -> new SoloException("flow " + name + " has no version " + version)));
    }

    /** Versions stored for a flow: number, hash and when first used. */
    public List<Map<String, Object>> history(String name) {
        return storage.read(sql -> sql.query("SELECT version, hash, created_at FROM flow_versions WHERE flow = ? ORDER BY version",
                rs -> Map.<String, Object>of("version", rs.getInt(1), "hash", rs.getString(2), "created_at", rs.getLong(3)), name));
    }

    /** Whether solo.yaml declares the inbound webhook (hooks.inbound.NAME) that a webhook: trigger names. */
    private boolean hookDeclared(String name) {
        try {
            return Company.open(companyDir).config().section("hooks").path("inbound").has(name);
        } catch (RuntimeException e) {
            return false; // solo.yaml's own problems are reported when it is read
        }
    }

    private Path file(String name) {
        for (String ext : new String[] {".yaml", ".yml"}) {
            Path p = flowsDir.resolve(name + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
