package solo.interfaces.http.auth;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The access token for a servlet mounted beside the routes ({@code /mcp}): {@code Authorization: Bearer TOKEN}
 * or 401, answered as the API answers it. No session cookie: a browser must not be able to drive it on
 * the operator's behalf. A request that carries an {@code Origin} (only browsers send one) must come from a
 * loopback origin, or it is refused with 403: the MCP specification asks servers to check it, against DNS
 * rebinding — a page whose name was made to point at 127.0.0.1.
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
        String origin = req.getHeader("Origin");
        if (origin != null && !isLoopback(origin)) {
            refuse(res, 403, "requests from a web page at " + origin + " are refused; only a loopback origin may call this");
            return;
        }
        String auth = req.getHeader("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) && tokens.matches(auth.substring(7).trim())) {
            chain.doFilter(request, response);
            return;
        }
        String message = auth == null ? "this needs the access token: Authorization: Bearer TOKEN (solo token new makes one)"
                : "the Authorization header holds no valid token (give: Bearer TOKEN; solo token new makes one)";
        res.setHeader("WWW-Authenticate", "Bearer");
        refuse(res, 401, message);
    }

    static boolean isLoopback(String origin) {
        try {
            String host = URI.create(origin.trim()).getHost();
            return host != null && (host.equals("localhost") || host.equals("[::1]") || host.startsWith("127."));
        } catch (IllegalArgumentException e) {
            return false; // "null" (a sandboxed page), or not a URL at all
        }
    }

    private static void refuse(HttpServletResponse res, int status, String message) throws IOException {
        ObjectNode error = Json.object().put("status", status).put("message", message);
        ObjectNode body = Json.object();
        body.set("error", error);
        res.setStatus(status);
        res.setContentType("application/json");
        res.getOutputStream().write(Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}
