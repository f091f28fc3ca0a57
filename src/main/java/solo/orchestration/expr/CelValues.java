package solo.orchestration.expr;

import com.google.common.primitives.UnsignedLong;
import com.google.protobuf.ByteString;
import com.google.protobuf.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Converts between JSON trees and the values CEL evaluates over (maps, lists, Long, Double, String). */
public final class CelValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CelValues() {}

    public static Object fromJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (var e : node.properties()) {
                map.put(e.getKey(), fromJson(e.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(n -> list.add(fromJson(n)));
            return list;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.asString();
    }

    public static JsonNode toJson(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case NullValue n -> NODES.nullNode();
            case dev.cel.common.values.NullValue n -> NODES.nullNode();
            case Boolean b -> NODES.booleanNode(b);
            case Long l -> NODES.numberNode(l);
            case Integer i -> NODES.numberNode(i.longValue());
            case Double d -> NODES.numberNode(d);
            case UnsignedLong u -> NODES.numberNode(u.bigIntegerValue());
            case String s -> NODES.stringNode(s);
            case ByteString b -> NODES.stringNode(b.toStringUtf8());
            case JsonNode j -> j;
            case Map<?, ?> map -> {
                ObjectNode o = NODES.objectNode();
                map.forEach((k, v) -> o.set(String.valueOf(k), toJson(v)));
                yield o;
            }
            case Iterable<?> list -> {
                ArrayNode a = NODES.arrayNode();
                list.forEach(v -> a.add(toJson(v)));
                yield a;
            }
            default -> Json.tree(value.toString());
        };
    }
}
