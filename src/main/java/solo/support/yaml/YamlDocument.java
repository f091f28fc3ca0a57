package solo.support.yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * A YAML file read as a JSON tree that remembers where each node came from, so that a rule broken at
 * JSON pointer {@code /properties/score/maximum} can be reported as {@code schema/lead.yaml:14:16}.
 */
public final class YamlDocument {
    private final Path file;
    private final JsonNode root;
    private final Map<String, YamlLocation> locations;
    private final Map<String, YamlLocation> keyLocations;

    private YamlDocument(Path file, JsonNode root, Map<String, YamlLocation> locations,
            Map<String, YamlLocation> keyLocations) {
        this.file = file;
        this.root = root;
        this.locations = locations;
        this.keyLocations = keyLocations;
    }

    public static YamlDocument read(Path file) {
        return read(file, file);
    }

    /** Reads {@code file} but names it {@code shownAs} in errors (a path relative to the company folder). */
    public static YamlDocument read(Path file, Path shownAs) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new YamlException(shownAs.toString(), "cannot read file: " + e.getMessage());
        }
        return parse(shownAs, text);
    }

    public static YamlDocument parse(Path file, String text) {
        Optional<Node> node;
        try {
            node = new Compose(LoadSettings.builder().setLabel(file.toString())
                    .setSchema(new CoreSchema()).build()).composeString(text);
        } catch (MarkedYamlEngineException e) {
            YamlLocation at = e.getProblemMark().or(e::getContextMark).map(YamlDocument::location).orElse(null);
            throw YamlException.at(file, at, "invalid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new YamlException(file.toString(), "invalid YAML: " + e.getMessage());
        }
        Map<String, YamlLocation> locations = new HashMap<>();
        Map<String, YamlLocation> keyLocations = new HashMap<>();
        JsonNode root = node.isPresent()
                ? new YamlTreeConverter(file, locations, keyLocations).convert(node.get(), "")
                : MissingNode.getInstance();
        return new YamlDocument(file, root, locations, keyLocations);
    }

    static YamlLocation location(Mark mark) {
        return new YamlLocation(mark.getLine() + 1, mark.getColumn() + 1);
    }

    public Path file() {
        return file;
    }

    /** The tree; a {@link MissingNode} when the file is empty. */
    public JsonNode root() {
        return root;
    }

    /** Where the node at this JSON pointer starts, or the nearest enclosing node that has a place. */
    public YamlLocation locate(String pointer) {
        String p = pointer == null ? "" : pointer;
        while (true) {
            YamlLocation at = locations.get(p);
            if (at != null || p.isEmpty()) {
                return at;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** "file:line:column" for a JSON pointer into this document. */
    public String describe(String pointer) {
        YamlLocation at = locate(pointer);
        return at == null ? file.toString() : at.describe(file);
    }

    public YamlException error(String pointer, String message) {
        return new YamlException(describe(pointer), message);
    }

    /** An error about a mapping key itself (an unknown field): placed at the key, not at its value. */
    public YamlException errorAtKey(String pointer, String message) {
        YamlLocation at = keyLocations.get(pointer);
        return at == null ? error(pointer, message) : new YamlException(at.describe(file), message);
    }
}
