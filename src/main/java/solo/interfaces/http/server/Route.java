package solo.interfaces.http.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the server: method, path (Javalin syntax, {@code /api/entities/{id}}), who may call it,
 * its handler, and for API routes the {@link ApiDoc} the OpenAPI document is written from (null for
 * cockpit pages, which are HTML for people rather than an API).
 */
public record Route(HandlerType method, String path, Access access, Handler handler, ApiDoc doc) {
    public boolean isApi() {
        return doc != null;
    }
}
