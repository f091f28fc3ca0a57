package solo.interfaces.http.server;

import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the OpenAPI 3.1 document from the route table: every API route with its path and query
 * parameters, request body, answer and errors. The schemas live in {@code openapi-schemas.json} beside
 * this class; a test checks that every schema a route names is there.
 */
public final class OpenApi {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([a-z_]+)}");
    private static final Map<Integer, String> REASONS = Map.of(400, "Bad request: the message names the field",
            401, "No valid access token", 403, "A cookie session's write without its CSRF token", 404, "Not found", 409,
            "Conflict: a stale version or a transition the run does not allow", 413, "Request body too large");

    private OpenApi() {}

    public static ObjectNode document(List<Route> routes, String title) {
        ObjectNode doc = Json.object().put("openapi", "3.1.0");
        doc.putObject("info").put("title", title).put("version", "1")
                .put("description", "The HTTP API of Solo. JSON in and out, snake_case; every request needs"
                        + " Authorization: Bearer TOKEN (solo init shows it once; solo token new replaces it).");
        doc.putArray("security").addObject().putArray("bearer");
        ObjectNode paths = doc.putObject("paths");
        for (Route r : routes) {
            if (r.isApi()) {
                paths.withObjectProperty(r.path()).set(r.method().name().toLowerCase(Locale.ROOT), operation(r));
            }
        }
        ObjectNode components = doc.putObject("components");
        components.putObject("securitySchemes").putObject("bearer").put("type", "http").put("scheme", "bearer");
        components.set("schemas", schemas());
        return doc;
    }

    private static ObjectNode operation(Route r) {
        ApiDoc d = r.doc();
        ObjectNode op = Json.object().put("summary", d.summary()).put("operationId", operationId(r));
        op.putArray("tags").add(d.tag());
        if (r.access() == Access.PUBLIC) {
            op.putArray("security");
        }
        ArrayNode params = op.putArray("parameters");
        Matcher m = PATH_PARAM.matcher(r.path());
        while (m.find()) {
            params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
                    .putObject("schema").put("type", "string");
        }
        for (ApiDoc.Param p : d.query()) {
            ObjectNode q = params.addObject().put("name", p.name()).put("in", "query").put("description", p.description());
            q.putObject("schema").put("type", p.type());
        }
        if (d.requestSchema() != null) {
            op.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                    .set("schema", ref(d.requestSchema()));
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject(String.valueOf(d.status())).put("description", "Success");
        if (d.responseSchema() != null) {
            ok.putObject("content").putObject(d.mediaType()).set("schema", ref(d.responseSchema()));
        }
        if (r.access() == Access.OPERATOR) {
            // what the guard answers before any handler: no token; a session's write without its CSRF token; a body too large
            error(responses, 401);
            if (r.method() != HandlerType.GET) {
                error(responses, 403);
            }
            if (r.method() == HandlerType.POST || r.method() == HandlerType.PUT) {
                error(responses, 413);
            }
        }
        d.errors().forEach(code -> error(responses, code));
        return op;
    }

    private static void error(ObjectNode responses, int code) {
        responses.putObject(String.valueOf(code)).put("description", REASONS.getOrDefault(code, "Error"))
                .putObject("content").putObject("application/json").set("schema", ref("Error"));
    }

    private static ObjectNode ref(String schema) {
        if (schema.startsWith("[]")) {
            ObjectNode array = Json.object().put("type", "array");
            array.set("items", ref(schema.substring(2)));
            return array;
        }
        if (schema.equals("string") || schema.equals("object")) {
            return Json.object().put("type", schema);
        }
        return Json.object().put("$ref", "#/components/schemas/" + schema);
    }

    private static String operationId(Route r) {
        StringBuilder id = new StringBuilder(r.method().name().toLowerCase(Locale.ROOT));
        for (String part : r.path().split("[/_.{}-]+")) {
            if (!part.isEmpty() && !part.equals("api")) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    /** The schemas every route may name ({@code Entity}, {@code Run}, ...). */
    public static ObjectNode schemas() {
        try (InputStream in = OpenApi.class.getResourceAsStream("openapi-schemas.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi-schemas.json missing from the build");
            }
            return (ObjectNode) Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
