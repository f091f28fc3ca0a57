package solo.interfaces.http.server;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;

/**
 * A servlet served beside Javalin's routes on the same Jetty (the MCP SDK's streamable HTTP transport at
 * {@code /mcp}), with the filter that guards it: Javalin's {@code beforeMatched} guard sees only its own routes.
 */
public record ServletMount(String path, HttpServlet servlet, Filter guard) {}
