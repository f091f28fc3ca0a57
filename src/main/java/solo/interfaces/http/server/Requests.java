package solo.interfaces.http.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import solo.support.InvalidJsonException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Reading requests: bodies within their size, JSON objects, and fields and parameters named when wrong. */
public final class Requests {
    private Requests() {}

    /** Reads at most {@code max + 1} bytes of the body: more than {@code max} is a 413, whatever Content-Length said. */
    public static byte[] body(Context ctx, long max) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > max) {
            throw tooLarge(max);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw tooLarge(max);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiError tooLarge(long max) {
        return new ApiError(413, "request body is larger than " + max + " bytes");
    }

    /** The body as a JSON object; 400 when it is not JSON or not an object. */
    public static ObjectNode object(Context ctx) {
        byte[] bytes = body(ctx, ctx.appData(ServerKeys.MAX_BODY));
        if (bytes.length == 0) {
            throw ApiError.badRequest(null, "the request needs a JSON object as its body");
        }
        JsonNode node;
        try {
            node = Json.parse(new String(bytes, StandardCharsets.UTF_8), "request body");
        } catch (InvalidJsonException e) {
            throw ApiError.badRequest(null, e.getMessage());
        }
        if (!node.isObject()) {
            throw ApiError.badRequest(null, "the request body must be a JSON object, not " + node.getNodeType().name().toLowerCase());
        }
        return (ObjectNode) node;
    }

    /** The body as a JSON object, or an empty object when there is no body (for optional reasons). */
    public static ObjectNode optionalObject(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared == 0 || (declared < 0 && ctx.header("Transfer-Encoding") == null)) {
            return Json.object();
        }
        return object(ctx);
    }

    /** A text field of the body; null when absent and not required. */
    public static String text(ObjectNode body, String name, boolean required) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw ApiError.badRequest("/" + name, "'" + name + "' is required");
            }
            return null;
        }
        if (!n.isString()) {
            throw ApiError.badRequest("/" + name, "'" + name + "' must be text");
        }
        return n.asString();
    }

    public static long integer(ObjectNode body, String name) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            throw ApiError.badRequest("/" + name, "'" + name + "' is required");
        }
        if (!n.canConvertToLong() || !n.isIntegralNumber()) {
            throw ApiError.badRequest("/" + name, "'" + name + "' must be a whole number");
        }
        return n.asLong();
    }

    /** A JSON object field; null when absent and not required. */
    public static ObjectNode objectField(ObjectNode body, String name, boolean required) {
        JsonNode n = body.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                throw ApiError.badRequest("/" + name, "'" + name + "' is required (a JSON object)");
            }
            return null;
        }
        if (!n.isObject()) {
            throw ApiError.badRequest("/" + name, "'" + name + "' must be a JSON object");
        }
        return (ObjectNode) n;
    }

    /** An integer query parameter within bounds, or its default. */
    public static int intParam(Context ctx, String name, int dflt, int min, int max) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw ApiError.badRequest(name, "query parameter '" + name + "' must be between " + min + " and " + max);
            }
            return i;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name, "query parameter '" + name + "' must be a whole number");
        }
    }

    /** A query parameter, null when absent or blank. */
    public static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
