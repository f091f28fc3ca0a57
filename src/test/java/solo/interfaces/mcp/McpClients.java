package solo.interfaces.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import solo.Main;
import solo.support.Json;
import tools.jackson.databind.JsonNode;

/** The MCP SDK's own client, over a real {@code solo mcp} child process or a real server's {@code /mcp}. */
final class McpClients {
    static final String CLIENT = "Solo Test Client";
    static final String ACTOR = "assistant:solo-test-client";

    private McpClients() {}

    /** {@code java -cp <test classpath> solo.Main --company DIR mcp}, spoken to over its stdin and stdout. */
    static McpSyncClient stdio(Path company, Path logDir) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ServerParameters params = ServerParameters.builder(java).args("--enable-native-access=ALL-UNNAMED",
                "--add-modules", "jdk.incubator.vector", "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--company", company.toString(), "mcp").addEnvVar("SOLO_LOG_DIR", logDir.toString())
                .build();
        return client(new StdioClientTransport(params, McpJsonDefaults.getMapper()));
    }

    static McpSyncClient http(URI server, String token) {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var transport = HttpClientStreamableHttpTransport.builder(server.toString()).endpoint(SoloMcp.ENDPOINT)
                .requestBuilder(request).build();
        return client(transport);
    }

    private static McpSyncClient client(io.modelcontextprotocol.spec.McpClientTransport transport) {
        McpSyncClient c = McpClient.sync(transport).clientInfo(new McpSchema.Implementation(CLIENT, "1.0"))
                .requestTimeout(Duration.ofSeconds(60)).initializationTimeout(Duration.ofSeconds(60)).build();
        c.initialize();
        return c;
    }

    static McpSchema.CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(new McpSchema.CallToolRequest(tool, new LinkedHashMap<>(args)));
    }

    /** A successful call's answer. */
    static JsonNode ok(McpSyncClient c, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = call(c, tool, args);
        if (Boolean.TRUE.equals(r.isError())) {
            throw new AssertionError(tool + " failed: " + text(r));
        }
        return Json.tree(r.structuredContent());
    }

    static String text(McpSchema.CallToolResult r) {
        return ((McpSchema.TextContent) r.content().getFirst()).text();
    }

    /** A refused call's error: {message, field}. */
    static JsonNode error(McpSyncClient c, String tool, Map<String, Object> args) {
        McpSchema.CallToolResult r = call(c, tool, args);
        if (!Boolean.TRUE.equals(r.isError())) {
            throw new AssertionError(tool + " should have been refused but answered " + text(r));
        }
        return Json.tree(r.structuredContent()).get("error");
    }
}
