package solo.support.yaml;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns a composed YAML node tree into Jackson nodes, recording each node's place by JSON pointer. */
final class YamlTreeConverter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final Path file;
    private final Map<String, YamlLocation> locations;
    private final Map<String, YamlLocation> keyLocations;

    YamlTreeConverter(Path file, Map<String, YamlLocation> locations, Map<String, YamlLocation> keyLocations) {
        this.file = file;
        this.locations = locations;
        this.keyLocations = keyLocations;
    }

    JsonNode convert(Node node, String pointer) {
        YamlLocation at = node.getStartMark().map(YamlDocument::location).orElse(null);
        if (at != null) {
            locations.put(pointer, at);
        }
        return switch (node) {
            case MappingNode mapping -> mapping(mapping, pointer, at);
            case SequenceNode sequence -> sequence(sequence, pointer);
            case ScalarNode scalar -> scalar(scalar, at);
            default -> throw YamlException.at(file, at, "unsupported YAML node " + node.getNodeType());
        };
    }

    private ObjectNode mapping(MappingNode mapping, String pointer, YamlLocation at) {
        ObjectNode object = NODES.objectNode();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                throw YamlException.at(file, at, "mapping keys must be plain values");
            }
            String key = keyNode.getValue();
            if (object.has(key)) {
                YamlLocation keyAt = keyNode.getStartMark().map(YamlDocument::location).orElse(at);
                throw YamlException.at(file, keyAt, "duplicate key '" + key + "'");
            }
            String child = pointer + "/" + escape(key);
            keyNode.getStartMark().ifPresent(m -> keyLocations.put(child, YamlDocument.location(m)));
            object.set(key, convert(tuple.getValueNode(), child));
        }
        return object;
    }

    private ArrayNode sequence(SequenceNode sequence, String pointer) {
        ArrayNode array = NODES.arrayNode();
        int i = 0;
        for (Node item : sequence.getValue()) {
            array.add(convert(item, pointer + "/" + i++));
        }
        return array;
    }

    private JsonNode scalar(ScalarNode scalar, YamlLocation at) {
        String value = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return NODES.nullNode();
            } else if (Tag.BOOL.equals(tag)) {
                return NODES.booleanNode(Boolean.parseBoolean(value.toLowerCase()));
            } else if (Tag.INT.equals(tag)) {
                return integer(value);
            } else if (Tag.FLOAT.equals(tag)) {
                return NODES.numberNode(Double.parseDouble(value.replace(".inf", "Infinity").replace(".nan", "NaN")));
            }
        } catch (NumberFormatException e) {
            throw YamlException.at(file, at, "not a number: " + value);
        }
        return NODES.stringNode(value);
    }

    private static JsonNode integer(String value) {
        String v = value.startsWith("+") ? value.substring(1) : value;
        BigInteger number;
        if (v.startsWith("0x")) {
            number = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0o")) {
            number = new BigInteger(v.substring(2), 8);
        } else {
            number = new BigInteger(v);
        }
        // The same node classes Jackson's JSON parser makes, so YAML and JSON values compare equal.
        if (number.bitLength() < 32) {
            return NODES.numberNode(number.intValue());
        }
        return number.bitLength() < 64 ? NODES.numberNode(number.longValue()) : NODES.numberNode(number);
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
