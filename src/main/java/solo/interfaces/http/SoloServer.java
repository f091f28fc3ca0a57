package solo.interfaces.http;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import solo.app.Solo;
import solo.interfaces.cockpit.Cockpit;
import solo.interfaces.cockpit.CockpitModule;
import solo.interfaces.cockpit.CockpitPages;
import solo.interfaces.cockpit.Templates;
import solo.interfaces.http.api.ArtifactApi;
import solo.interfaces.http.api.AuditApi;
import solo.interfaces.http.api.EntityApi;
import solo.interfaces.http.api.FlowApi;
import solo.interfaces.http.api.GateApi;
import solo.interfaces.http.api.GraphApi;
import solo.interfaces.http.api.HookApi;
import solo.interfaces.http.api.MemoryApi;
import solo.interfaces.http.api.InboxApi;
import solo.interfaces.http.api.KpiApi;
import solo.interfaces.http.api.MetaApi;
import solo.interfaces.http.api.RunApi;
import solo.interfaces.json.RunDetails;
import solo.execution.ledger.Ledger;
import solo.execution.ledger.PriceTable;
import solo.interfaces.http.auth.AccessTokens;
import solo.interfaces.http.auth.BearerFilter;
import solo.interfaces.http.auth.Guard;
import solo.interfaces.http.auth.Sessions;
import solo.interfaces.http.metrics.InboxMetrics;
import solo.interfaces.http.metrics.MetricSource;
import solo.interfaces.http.metrics.ModelMetrics;
import solo.interfaces.http.metrics.Metrics;
import solo.interfaces.http.metrics.RunMetrics;
import solo.interfaces.http.server.HttpServer;
import solo.interfaces.http.server.Route;
import solo.interfaces.http.server.Routes;
import solo.interfaces.http.server.ServerSettings;
import solo.interfaces.http.server.ServletMount;
import solo.interfaces.http.server.WebModule;
import solo.interfaces.mcp.SoloMcp;

/**
 * The HTTP side of {@code solo up}, wired in one place: the API modules, the cockpit's pages, webhooks,
 * {@code /openapi.json} and {@code /metrics}, behind one guard; and the MCP server's streamable HTTP at
 * {@code /mcp}, behind the same token. Every route is declared here, before
 * the server starts; tests start exactly this.
 *
 * <p>To add endpoints or pages (search, context packs, the inbox, KPIs): write a {@link WebModule} and/or a
 * {@link CockpitModule} and add it to {@link #apiModules} / {@link #cockpitModules}; a meter source goes
 * into {@link #metricSources}.
 */
public final class SoloServer implements AutoCloseable {
    private final HttpServer server;
    private final ServerSettings settings;
    private final SoloMcp.Http mcp;

    private SoloServer(HttpServer server, ServerSettings settings, SoloMcp.Http mcp) {
        this.server = server;
        this.settings = settings;
        this.mcp = mcp;
    }

    public static SoloServer start(Solo solo, ServerSettings settings) {
        settings.checkBind();
        AccessTokens tokens = new AccessTokens(solo.store().storage(), Clock.systemUTC());
        Sessions sessions = new Sessions(tokens, Duration.ofHours(settings.sessionHours()));
        Metrics metrics = new Metrics(metricSources(solo));
        RunDetails runDetails = RunDetails.of(solo);
        Routes routes = new Routes();
        List<Route> table = new ArrayList<>();
        for (WebModule m : apiModules(solo, runDetails)) {
            m.register(routes);
        }
        new MetaApi(() -> table, metrics, "Solo: " + solo.company().config().name()).register(routes);
        Cockpit cockpit = new Cockpit(routes, new Templates(), solo.company().config().name());
        for (CockpitModule m : cockpitModules(solo, sessions, settings, runDetails)) {
            m.register(cockpit);
        }
        table.addAll(routes.all());
        Guard guard = new Guard(tokens, sessions);
        SoloMcp.Http mcp = SoloMcp.http(solo, (int) Math.min(Integer.MAX_VALUE, settings.maxBodyBytes()));
        try {
            HttpServer http = HttpServer.start(settings, table, guard::check, (ctx, f) -> CockpitPages.error(cockpit, ctx, f),
                    List.of(new ServletMount(SoloMcp.ENDPOINT, mcp.servlet(), new BearerFilter(tokens))));
            return new SoloServer(http, settings, mcp);
        } catch (RuntimeException e) {
            mcp.close();
            throw e;
        }
    }

    private static List<WebModule> apiModules(Solo solo, RunDetails runDetails) {
        var o = solo.orchestrator();
        return List.of(new EntityApi(solo.store()), new GraphApi(solo.store()), new ArtifactApi(solo.store()),
                new FlowApi(o.flows()), new RunApi(o.runs(), o.flows(), runDetails), new GateApi(o.runs(), o.inbox()),
                new AuditApi(solo.store()), new HookApi(solo.webhooks()), new MemoryApi(solo::memory),
                new InboxApi(o.inbox(), o::clockNow), new KpiApi(o.kpis(), o::clockNow, zone(solo)));
    }

    private static List<CockpitModule> cockpitModules(Solo solo, Sessions sessions, ServerSettings settings,
            RunDetails runDetails) {
        return CockpitPages.standard(solo, sessions, settings.sessionHours(), runDetails, zone(solo));
    }

    private static Ledger ledger(Solo solo) {
        return new Ledger(solo.store().storage(), Clock.systemUTC(), zone(solo));
    }

    private static ZoneId zone(Solo solo) {
        return ZoneId.of(solo.company().config().timezone());
    }

    private static List<MetricSource> metricSources(Solo solo) {
        // the ledger's sums need no model or agent compiled: read them without opening execution
        Ledger ledger = ledger(solo);
        String currency = PriceTable.read(solo.company().config().document()).currency();
        return List.of(new RunMetrics(solo.store().storage(), solo.orchestrator().runs(), Clock.systemUTC()),
                new ModelMetrics(ledger, currency), new InboxMetrics(solo.store().storage()));
    }

    public int port() {
        return server.port();
    }

    /** The address the server answers on ({@code http://127.0.0.1:7070}). */
    public URI uri() {
        return server.uri(settings.host());
    }

    @Override
    public void close() {
        server.close();
        mcp.close();
    }
}
