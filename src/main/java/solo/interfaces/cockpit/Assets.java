package solo.interfaces.cockpit;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import solo.interfaces.http.server.Access;
import solo.interfaces.http.server.Route;

/**
 * The cockpit's static files, public (they hold nothing of the company): its stylesheet and script, and
 * htmx from its WebJar (no front-end build). Each is read once and kept in memory.
 */
final class Assets implements CockpitModule {
    static final String HTMX_VERSION = "2.0.10";
    private static final Map<String, String[]> FILES = Map.of(
            "/assets/cockpit.css", new String[] {"/solo/cockpit/assets/cockpit.css", "text/css; charset=utf-8"},
            "/assets/cockpit.js", new String[] {"/solo/cockpit/assets/cockpit.js", "text/javascript; charset=utf-8"},
            "/assets/favicon.svg", new String[] {"/solo/cockpit/assets/favicon.svg", "image/svg+xml"},
            "/assets/htmx.min.js", new String[] {"/META-INF/resources/webjars/htmx.org/" + HTMX_VERSION + "/dist/htmx.min.js",
                "text/javascript; charset=utf-8"});

    @Override
    public void register(Cockpit c) {
        FILES.forEach((path, file) -> {
            byte[] bytes = read(file[0]);
            c.routes().add(new Route(HandlerType.GET, path, Access.PUBLIC, ctx -> serve(ctx, bytes, file[1]), null));
        });
    }

    private static void serve(Context ctx, byte[] bytes, String type) {
        ctx.header("Cache-Control", "public, max-age=3600").contentType(type).result(bytes);
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
