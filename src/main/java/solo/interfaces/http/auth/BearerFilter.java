package solo.interfaces.http.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access token for a servlet mounted beside the routes ({@code /mcp}): {@code Authorization: Bearer TOKEN}
 * or 401, answered as the API answers it. No session cookie: a browser must not be able to drive it on
 * the operator's behalf.
 */
public final class BearerFilter implements Filter {
    private final AccessTokens tokens;

    public BearerFilter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse res = (HttpServletResponse) response;
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-store");
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && tokens.matches(auth.substring(7).trim())) {
            chain.doFilter(request, response);
            return;
        }
        String message = auth == null ? "this needs the access token: Authorization: Bearer TOKEN (solo token new makes one)"
                : "the Authorization header holds no valid token (give: Bearer TOKEN; solo token new makes one)";
        ObjectNode error = Json.object().put("status", 401).put("message", message);
        ObjectNode body = Json.object();
        body.set("error", error);
        res.setStatus(401);
        res.setHeader("WWW-Authenticate", "Bearer");
        res.setContentType("application/json");
        res.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}
