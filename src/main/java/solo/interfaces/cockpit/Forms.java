package solo.interfaces.cockpit;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/** Small helpers the pages share: form fields, redirects after a post, times and JSON as text. */
final class Forms {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private Forms() {}

    static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** A query parameter, trimmed; null when absent or blank. */
    static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    /** Back to a page of ours after a post (303, so a reload does not post again); never to another site. */
    static void back(Context ctx, String fallback) {
        String to = field(ctx, "back");
        ctx.redirect(local(to) ? to : fallback, HttpStatus.SEE_OTHER);
    }

    static boolean local(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.contains("\\");
    }

    static String time(Instant t) {
        return t == null ? "" : TIME.format(t) + " UTC";
    }

    static String json(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? "" : Json.pretty(n);
    }
}
