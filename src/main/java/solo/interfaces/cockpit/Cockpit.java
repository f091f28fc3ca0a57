package solo.interfaces.cockpit;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import solo.interfaces.http.auth.Guard;
import solo.interfaces.http.auth.Session;
import solo.interfaces.http.server.Failure;
import solo.interfaces.http.server.Routes;

/**
 * The web cockpit: server-rendered pages in one layout, with htmx (boosted links and forms, so it works
 * without JavaScript too). Modules add their pages, navigation and Today panels here while the server is
 * being set up; after that it only renders.
 */
public final class Cockpit {
    private final Routes routes;
    private final Templates templates;
    private final String companyName;
    private final Map<NavSlot, String> nav = new EnumMap<>(NavSlot.class);
    private final TreeMap<Integer, TodayPanel> today = new TreeMap<>();

    public Cockpit(Routes routes, Templates templates, String companyName) {
        this.routes = routes;
        this.templates = templates;
        this.companyName = companyName;
    }

    public Routes routes() {
        return routes;
    }

    /** Puts a link in the navigation, at the slot's place. */
    public Cockpit nav(NavSlot slot, String href) {
        if (nav.putIfAbsent(slot, href) != null) {
            throw new IllegalStateException("navigation slot " + slot + " is taken");
        }
        return this;
    }

    /** Adds a panel to the Today page at {@code order} (see {@link TodayPanel} for the numbers in use). */
    public Cockpit today(int order, TodayPanel panel) {
        if (today.putIfAbsent(order, panel) != null) {
            throw new IllegalStateException("Today panel order " + order + " is taken");
        }
        return this;
    }

    List<TodayPanel> todayPanels() {
        return List.copyOf(today.values());
    }

    /** Renders a page in the layout: {@code active} marks the navigation link; the model's values are escaped. */
    public void page(Context ctx, NavSlot active, String title, String template, Map<String, Object> model) {
        ctx.contentType("text/html; charset=utf-8").result(render(ctx, active, title, template, model));
    }

    public String render(Context ctx, NavSlot active, String title, String template, Map<String, Object> model) {
        Map<String, Object> m = new HashMap<>(model);
        m.put("title", title);
        m.put("company", companyName);
        m.put("nav", navItems(active));
        Session s = ctx.attribute(Guard.SESSION);
        m.put("csrf", s == null ? "" : s.csrf());
        m.put("csrf_field", Guard.CSRF_FIELD);
        m.put("signed_in", s != null);
        m.put("path", ctx.path());
        return templates.render(template, m);
    }

    /** The session's CSRF token, for forms in fragments (empty for bearer-token callers, who need none). */
    public String csrf(Context ctx) {
        Session s = ctx.attribute(Guard.SESSION);
        return s == null ? "" : s.csrf();
    }

    /** A fragment without the layout (a Today panel). */
    public String fragment(String template, Map<String, Object> model) {
        return templates.render(template, model);
    }

    private List<Map<String, Object>> navItems(NavSlot active) {
        List<Map<String, Object>> items = new ArrayList<>();
        nav.forEach((slot, href) -> items.add(Map.of("label", slot.label(), "href", href, "key", slot.key(),
                "active", slot == active)));
        return items;
    }

    /** The error page (for people; programs get JSON). */
    void error(Context ctx, Failure f) {
        String html = render(ctx, null, "Error " + f.status(), "error", Map.of("status", f.status(), "message", f.message(),
                "login", f.status() == 401));
        ctx.contentType("text/html; charset=utf-8").result(html);
    }
}
