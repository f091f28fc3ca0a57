package solo.interfaces.http.api;

import java.util.List;
import java.util.function.Supplier;
import solo.interfaces.http.metrics.Metrics;
import solo.interfaces.http.server.ApiDoc;
import solo.interfaces.http.server.OpenApi;
import solo.interfaces.http.server.Route;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.WebModule;

/** {@code /openapi.json} (written from the route table) and {@code /metrics} (Prometheus); both need the token. */
public final class MetaApi implements WebModule {
    private final Supplier<List<Route>> routes;
    private final Metrics metrics;
    private final String title;

    /** {@code routes}: the finished table, read when the document is asked for (it describes every module). */
    public MetaApi(Supplier<List<Route>> routes, Metrics metrics, String title) {
        this.routes = routes;
        this.metrics = metrics;
        this.title = title;
    }

    @Override
    public void register(Routes r) {
        r.get("/openapi.json", ApiDoc.of("meta", "This document: every endpoint of the API").returns(200, "object"),
                ctx -> ctx.json(OpenApi.document(routes.get(), title)));
        r.get("/metrics", ApiDoc.of("meta", "Prometheus metrics: runs by state, queue depth, step latency")
                .returns(200, "string").as("text/plain"),
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    }
}
