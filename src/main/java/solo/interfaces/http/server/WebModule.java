package solo.interfaces.http.server;

/**
 * A part of the HTTP API: it adds its routes (each with its {@link ApiDoc}) to the table before the server
 * starts. To add endpoints (search, context packs, inbox decisions, KPIs), write one and list it in
 * {@code SoloServer}: nothing else changes.
 */
@FunctionalInterface
public interface WebModule {
    void register(Routes routes);
}
