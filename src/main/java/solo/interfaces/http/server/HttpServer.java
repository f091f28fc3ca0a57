package solo.interfaces.http.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.Endpoint;
import io.javalin.security.Roles;
import io.javalin.util.JavalinBindException;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Javalin 7 on virtual threads, configured once from a finished route table: the guard before every
 * matched route, each route mounted with its {@link Access}, one exception handler that turns every
 * failure into JSON (for programs) or an error page (for people). Nothing is added after start.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** Where a handler says the entity body sits in its request, so schema errors name the right field. */
    public static final String FIELD_PREFIX = "solo.field-prefix";
    /** Set once a failure was answered, so the 404 handler does not answer it again. */
    private static final String ANSWERED = "solo.answered";

    /** Renders a failure for a person (the cockpit's error page). */
    @FunctionalInterface
    public interface ErrorPage {
        void render(Context ctx, Failure failure);
    }

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    public static HttpServer start(ServerSettings settings, List<Route> routes, Handler guard, ErrorPage errorPage) {
        return start(settings, routes, guard, errorPage, List.of());
    }

    /** Also serves {@code servlets} on the same Jetty, each behind its own guard (Javalin's guard sees only routes). */
    public static HttpServer start(ServerSettings settings, List<Route> routes, Handler guard, ErrorPage errorPage,
            List<ServletMount> servlets) {
        settings.checkBind();
        Javalin app = Javalin.create(config -> {
            config.concurrency.useVirtualThreads = true;
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jsonMapper(new SoloJsonMapper());
            config.appData(ServerKeys.MAX_BODY, settings.maxBodyBytes());
            config.routes.before(HttpServer::securityHeaders);
            config.routes.beforeMatched(guard);
            for (Route r : routes) {
                config.routes.addEndpoint(new Endpoint(r.method(), r.path(), r.handler(), Set.of(new Roles(Set.of(r.access())))));
            }
            config.jetty.modifyServletContextHandler(context -> {
                for (ServletMount m : servlets) {
                    ServletHolder holder = new ServletHolder(m.servlet());
                    holder.setAsyncSupported(true); // the MCP transport streams answers as server-sent events
                    context.addServlet(holder, m.path());
                    FilterHolder guardHolder = new FilterHolder(m.guard());
                    guardHolder.setAsyncSupported(true);
                    context.addFilter(guardHolder, m.path(), EnumSet.of(DispatcherType.REQUEST));
                }
            });
            config.routes.exception(Exception.class, (e, ctx) -> fail(ctx, e, errorPage));
            config.routes.error(404, "*", ctx -> {
                if (ctx.attribute(ANSWERED) == null) {
                    send(ctx, new Failure(404, "nothing at " + ctx.method() + " " + ctx.path(), null), errorPage);
                }
            });
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (JavalinBindException e) {
            app.stop();
            throw new SoloException("cannot serve on " + settings.host() + ":" + settings.port() + ": the port is in use"
                    + " (another solo up?); give --port or server.port");
        }
        return new HttpServer(app);
    }

    public int port() {
        return app.port();
    }

    public URI uri(String host) {
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self';"
                + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    }

    private static void fail(Context ctx, Exception e, ErrorPage errorPage) {
        String prefix = ctx.attribute(FIELD_PREFIX);
        Failure f = Failure.of(e, prefix == null ? "" : prefix);
        if (f.isBug()) {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        }
        send(ctx, f, errorPage);
    }

    private static void send(Context ctx, Failure f, ErrorPage errorPage) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        ctx.status(f.status());
        if (Paths.isMachine(ctx.path()) || errorPage == null) {
            ObjectNode error = Json.object().put("status", f.status()).put("message", f.message());
            if (f.field() != null) {
                error.put("field", f.field());
            }
            ObjectNode body = Json.object();
            body.set("error", error);
            ctx.contentType("application/json").result(Json.write(body));
        } else {
            errorPage.render(ctx, f);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
