package solo.interfaces.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import solo.support.InvalidJsonException;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Entity bodies from the command line: {@code --body JSON} or {@code @FILE}, and {@code --set a.b=VALUE}. */
final class Bodies {
    private Bodies() {}

    /** {@code --body} text, or the contents of {@code @file}; parsed as JSON with the place of any error. */
    static JsonNode parse(String body) {
        if (body.startsWith("@")) {
            Path file = Path.of(body.substring(1));
            try {
                return Json.parse(Files.readString(file), file.toString());
            } catch (IOException e) {
                throw new SoloException(file + ": cannot read: " + e.getMessage());
            }
        }
        return Json.parse(body, "--body");
    }

    /** Applies {@code field=value} settings; a value that reads as JSON (42, true, [..]) is taken as such. */
    static ObjectNode set(ObjectNode body, List<String> settings) {
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new SoloException("--set " + setting + ": expected FIELD=VALUE");
            }
            String[] path = setting.substring(0, eq).split("\\.");
            ObjectNode target = body;
            for (int i = 0; i < path.length - 1; i++) {
                JsonNode next = target.get(path[i]);
                target = next instanceof ObjectNode o ? o : target.putObject(path[i]);
            }
            target.set(path[path.length - 1], value(setting.substring(eq + 1)));
        }
        return body;
    }

    static ObjectNode unset(ObjectNode body, List<String> fields) {
        for (String field : fields) {
            String[] path = field.split("\\.");
            JsonNode target = body;
            for (int i = 0; i < path.length - 1 && target != null; i++) {
                target = target.get(path[i]);
            }
            if (target instanceof ObjectNode o) {
                o.remove(path[path.length - 1]);
            }
        }
        return body;
    }

    /** RFC 7386 JSON merge patch: objects merge, null removes a field, anything else replaces. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
        for (var entry : patch.properties()) {
            if (entry.getValue().isNull()) {
                result.remove(entry.getKey());
            } else {
                result.set(entry.getKey(), mergePatch(result.get(entry.getKey()), entry.getValue()));
            }
        }
        return result;
    }

    private static JsonNode value(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Json.mapper().getNodeFactory().stringNode(text);
        }
        char c = t.charAt(0);
        boolean looksJson = c == '{' || c == '[' || c == '"' || c == '-' || Character.isDigit(c)
                || t.equals("true") || t.equals("false") || t.equals("null");
        if (looksJson) {
            try {
                return Json.parse(t, "value");
            } catch (InvalidJsonException e) {
                // not JSON after all (a phone number, a date): keep it as text
            }
        }
        return Json.mapper().getNodeFactory().stringNode(text);
    }
}
