package solo.interfaces.cockpit;

/**
 * A part of the cockpit: it adds its pages and forms ({@code cockpit.routes()}), its place in the
 * navigation ({@link NavSlot}) and panels of the Today page. The inbox, search and KPI pages are modules
 * like {@link RunPages}: write one and list it in {@code SoloServer}.
 */
@FunctionalInterface
public interface CockpitModule {
    void register(Cockpit cockpit);
}
