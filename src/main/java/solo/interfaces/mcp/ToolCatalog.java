package solo.interfaces.mcp;

import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.state.Actor;
import solo.state.InvalidEntityException;
import solo.state.StaleVersionException;
import solo.state.Violation;
import solo.state.schema.JsonSchema;
import solo.support.Json;
import solo.support.SoloException;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tools as the MCP SDK serves them: each tool's description and input schema come from
 * {@code tools.yaml} (one place to read what the assistant is offered), its behaviour from a
 * {@link SoloTool}. Every call is checked against the tool's schema with Solo's own JSON Schema helper
 * (so a refusal names the field and the rule, like every other entry point), then run; whatever it
 * throws becomes a tool error the assistant can read — never a stack trace.
 */
final class ToolCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ToolCatalog.class);
    static final String RESOURCE = "solo/interfaces/mcp/tools.yaml";

    private final YamlDocument doc;

    private ToolCatalog(YamlDocument doc) {
        this.doc = doc;
    }

    static ToolCatalog load() {
        try (InputStream in = ToolCatalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build");
            }
            YamlDocument doc = YamlDocument.parse(Path.of(RESOURCE), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (String name : doc.root().propertyNames()) {
                List<Violation> problems = JsonSchema.problems(doc.root().path(name).path("input"));
                if (!problems.isEmpty()) {
                    throw new IllegalStateException(RESOURCE + ": " + name + "'s input schema is invalid: " + problems);
                }
            }
            return new ToolCatalog(doc);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }

    Set<String> names() {
        return new TreeSet<>(doc.root().propertyNames());
    }

    /** The specifications of every tool; each tool in tools.yaml needs exactly one implementation. */
    List<SyncToolSpecification> specifications(Map<String, SoloTool> tools) {
        if (!names().equals(new TreeSet<>(tools.keySet()))) {
            throw new IllegalStateException("tools.yaml declares " + names() + " but Solo implements " + new TreeSet<>(tools.keySet()));
        }
        List<SyncToolSpecification> specs = new ArrayList<>();
        for (String name : doc.root().propertyNames()) {
            JsonNode def = doc.root().get(name);
            JsonSchema validator = JsonSchema.compile(doc, "/" + name + "/input");
            boolean readOnly = def.path("read_only").asBoolean(false);
            McpSchema.Tool tool = McpSchema.Tool.builder(name, schemaMap(def.get("input")))
                    .description(def.path("description").asString())
                    .annotations(new McpSchema.ToolAnnotations(null, readOnly, false, readOnly, false, null))
                    .build();
            SoloTool impl = tools.get(name);
            specs.add(SyncToolSpecification.builder().tool(tool)
                    .callHandler((exchange, request) -> call(name, validator, impl, exchange, request)).build());
        }
        return specs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schemaMap(JsonNode schema) {
        return Json.convert(schema, LinkedHashMap.class);
    }

    private static McpSchema.CallToolResult call(String name, JsonSchema validator, SoloTool tool, McpSyncServerExchange exchange,
            McpSchema.CallToolRequest request) {
        Actor.Assistant who = AssistantName.of(exchange.getClientInfo());
        JsonNode args = Json.tree(request.arguments() == null ? Map.of() : request.arguments());
        List<Violation> bad = validator.validate(args, "tool");
        if (!bad.isEmpty()) {
            Violation v = bad.getFirst();
            return error(name, v.field().isEmpty() ? null : v.field(), "bad argument " + describe(v.field()) + ": " + v.message()
                    + " [" + v.rule() + "]");
        }
        try {
            ObjectNode out = tool.call(new ToolCall(who, (ObjectNode) args));
            LOG.info("mcp: {} called {}", who, name);
            return McpSchema.CallToolResult.builder().addTextContent(Json.pretty(out))
                    .structuredContent(Json.convert(out, LinkedHashMap.class)).isError(false).build();
        } catch (ToolError e) {
            return error(name, e.field(), e.getMessage());
        } catch (InvalidEntityException e) {
            Violation v = e.violations().isEmpty() ? null : e.violations().getFirst();
            return error(name, v == null ? null : "/body" + v.field(), e.getMessage());
        } catch (StaleVersionException e) {
            return error(name, "/version", e.getMessage());
        } catch (SoloException | IllegalArgumentException e) {
            return error(name, null, e.getMessage());
        } catch (Exception e) {
            LOG.error("mcp: {} failed for {}", name, who, e);
            return error(name, null, "internal error; Solo's log has the details");
        }
    }

    private static String describe(String field) {
        return field == null || field.isEmpty() ? "(arguments)" : field.substring(1);
    }

    private static McpSchema.CallToolResult error(String tool, String field, String message) {
        LOG.info("mcp: {} refused: {}", tool, message);
        ObjectNode e = Json.object().put("message", message);
        if (field != null) {
            e.put("field", field);
        }
        ObjectNode body = Json.object();
        body.set("error", e);
        return McpSchema.CallToolResult.builder().addTextContent(message).structuredContent(Json.convert(body, LinkedHashMap.class))
                .isError(true).build();
    }
}
