package solo.interfaces.http.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/**
 * The route table: every module adds its routes here before the server starts; the server mounts them
 * all at once and the OpenAPI document is written from the same list, so the two never disagree.
 */
public final class Routes {
    private final List<Route> routes = new ArrayList<>();

    public Routes add(Route route) {
        for (Route r : routes) {
            if (r.method().equals(route.method()) && r.path().equals(route.path())) {
                throw new IllegalStateException("route declared twice: " + route.method() + " " + route.path());
            }
        }
        routes.add(route);
        return this;
    }

    // ---- API routes (JSON, described in /openapi.json) -------------------------------------------

    public Routes get(String path, ApiDoc doc, Handler handler) {
        return add(new Route(HandlerType.GET, path, Access.OPERATOR, handler, doc));
    }

    public Routes post(String path, ApiDoc doc, Handler handler) {
        return add(new Route(HandlerType.POST, path, Access.OPERATOR, handler, doc));
    }

    public Routes put(String path, ApiDoc doc, Handler handler) {
        return add(new Route(HandlerType.PUT, path, Access.OPERATOR, handler, doc));
    }

    public Routes delete(String path, ApiDoc doc, Handler handler) {
        return add(new Route(HandlerType.DELETE, path, Access.OPERATOR, handler, doc));
    }

    // ---- cockpit pages (HTML) --------------------------------------------------------------------

    public Routes page(String path, Handler handler) {
        return add(new Route(HandlerType.GET, path, Access.OPERATOR, handler, null));
    }

    /** A form the cockpit posts to (CSRF-checked when the caller is a session). */
    public Routes form(String path, Handler handler) {
        return add(new Route(HandlerType.POST, path, Access.OPERATOR, handler, null));
    }

    public List<Route> all() {
        return List.copyOf(routes);
    }
}
