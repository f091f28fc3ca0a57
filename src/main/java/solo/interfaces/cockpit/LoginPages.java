package solo.interfaces.cockpit;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Map;
import solo.interfaces.http.auth.Guard;
import solo.interfaces.http.auth.Session;
import solo.interfaces.http.auth.Sessions;
import solo.interfaces.http.server.Access;
import solo.interfaces.http.server.Route;

/**
 * The login page exchanges the access token for a session cookie (HttpOnly: scripts cannot read it;
 * SameSite=Strict: other sites' pages cannot send it). Logging out ends the session.
 */
final class LoginPages implements CockpitModule {
    private final Sessions sessions;
    private final int sessionHours;

    LoginPages(Sessions sessions, int sessionHours) {
        this.sessions = sessions;
        this.sessionHours = sessionHours;
    }

    @Override
    public void register(Cockpit c) {
        c.routes().add(new Route(HandlerType.GET, "/login", Access.PUBLIC, ctx -> show(c, ctx, null), null));
        c.routes().add(new Route(HandlerType.POST, "/login", Access.PUBLIC, ctx -> login(c, ctx), null));
        c.routes().form("/logout", this::logout);
    }

    private void show(Cockpit c, Context ctx, String problem) {
        String next = ctx.queryParam("next") != null ? ctx.queryParam("next") : Forms.field(ctx, "next");
        c.page(ctx, null, "Log in", "login", Map.of("next", Forms.local(next) ? next : "/", "problem",
                problem == null ? "" : problem));
    }

    private void login(Cockpit c, Context ctx) {
        var session = sessions.open(Forms.field(ctx, "token"));
        if (session.isEmpty()) {
            ctx.status(401);
            show(c, ctx, "That is not the access token of this company. solo token new makes a new one.");
            return;
        }
        Session s = session.get();
        Cookie cookie = new Cookie(Guard.COOKIE, s.id(), "/", sessionHours * 3600, false, true, null, SameSite.STRICT);
        ctx.cookie(cookie);
        String next = Forms.field(ctx, "next");
        ctx.redirect(Forms.local(next) ? next : "/", HttpStatus.SEE_OTHER);
    }

    private void logout(Context ctx) {
        sessions.close(ctx.cookie(Guard.COOKIE));
        ctx.cookie(new Cookie(Guard.COOKIE, "", "/", 0, false, true, null, SameSite.STRICT));
        ctx.redirect("/login", HttpStatus.SEE_OTHER);
    }
}
