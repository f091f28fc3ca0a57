package solo.execution.tool;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import solo.execution.agent.MemoryScope;
import solo.state.Entity;
import solo.state.Neighbour;
import solo.state.Store;
import solo.support.InvalidJsonException;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the read tools an agent asks for, within its memory scope: entities and neighbours through the
 * {@link Store}, memory search through {@link MemorySearch}. Each result (or refusal) is JSON text for the
 * model; nothing here writes anything.
 */
public final class ReadTools {
    private static final int MAX_HITS = 8;
    private final Store store;
    private final MemorySearch memory;

    public ReadTools(Store store, MemorySearch memory) {
        this.store = store;
        this.memory = memory;
    }

    public List<ToolSpecification> specifications(Set<ReadTool> allowed) {
        List<ToolSpecification> specs = new ArrayList<>();
        for (ReadTool t : ReadTool.values()) {
            if (!allowed.contains(t)) {
                continue;
            }
            JsonObjectSchema params = switch (t) {
                case SEARCH_MEMORY -> JsonObjectSchema.builder().addStringProperty("query", "what to look for")
                        .required("query").build();
                case READ_ENTITY -> JsonObjectSchema.builder().addStringProperty("id", "the entity's id").required("id").build();
                case LIST_NEIGHBOURS -> JsonObjectSchema.builder().addStringProperty("id", "the entity's id")
                        .addIntegerProperty("depth", "1 or 2 links away").required("id").build();
            };
            specs.add(ToolSpecification.builder().name(t.toolName()).description(t.description()).parameters(params).build());
        }
        return specs;
    }

    /** Runs one requested read and returns its result as JSON text (an {@code error} field when refused). */
    public String execute(ToolExecutionRequest request, Set<ReadTool> allowed, MemoryScope scope, String subject) {
        ReadTool tool = ReadTool.parse(request.name());
        if (tool == null || !allowed.contains(tool)) {
            return error("tool '" + request.name() + "' is not available to this agent");
        }
        JsonNode args;
        try {
            args = Json.parse(request.arguments() == null || request.arguments().isBlank() ? "{}" : request.arguments(), "arguments");
        } catch (InvalidJsonException e) {
            return error(e.getMessage());
        }
        return switch (tool) {
            case SEARCH_MEMORY -> search(args.path("query").asString(""), scope, subject);
            case READ_ENTITY -> read(args.path("id").asString(""), scope, subject);
            case LIST_NEIGHBOURS -> neighbours(args.path("id").asString(""), Math.max(1, Math.min(2, args.path("depth").asInt(1))),
                    scope, subject);
        };
    }

    private String search(String query, MemoryScope scope, String subject) {
        if (query.isBlank()) {
            return error("query is empty");
        }
        if (scope == MemoryScope.NONE) {
            return error("this agent has no memory scope");
        }
        if (scope != MemoryScope.COMPANY && subject == null) {
            return error("this step is about no entity, and this agent's memory scope is " + scope.text());
        }
        // the same reach as read_entity and list_neighbours: the subject alone, or up to two links from it
        List<MemoryHit> hits = memory.search(query, scope == MemoryScope.COMPANY ? null : subject,
                scope == MemoryScope.NEIGHBOURS ? 2 : 0, MAX_HITS);
        ArrayNode out = Json.mapper().createArrayNode();
        hits.forEach(h -> out.add(Json.tree(h)));
        ObjectNode result = Json.object();
        result.set("hits", out);
        if (hits.isEmpty()) {
            result.put("note", "nothing found");
        }
        return Json.write(result);
    }

    private String read(String id, MemoryScope scope, String subject) {
        if (!inScope(id, scope, subject)) {
            return error("entity " + id + " is outside this agent's memory scope (" + scope.text() + ")");
        }
        return store.find(id).map(e -> Json.write(entity(e))).orElseGet(() -> error("no entity " + id));
    }

    private String neighbours(String id, int depth, MemoryScope scope, String subject) {
        if (!inScope(id, scope, subject) || scope == MemoryScope.ENTITY) {
            return error("the neighbours of " + id + " are outside this agent's memory scope (" + scope.text() + ")");
        }
        ArrayNode out = Json.mapper().createArrayNode();
        for (Neighbour n : store.neighbours(id, depth)) {
            out.addObject().put("id", n.entity().id()).put("type", n.entity().type()).put("label", n.entity().label())
                    .put("link", n.via().type()).put("depth", n.depth());
        }
        return Json.write(Json.object().set("neighbours", out));
    }

    private boolean inScope(String id, MemoryScope scope, String subject) {
        return switch (scope) {
            case COMPANY -> true;
            case NONE -> false;
            case ENTITY -> id.equals(subject);
            case NEIGHBOURS -> subject != null && (id.equals(subject)
                    || store.neighbours(subject, 2).stream().anyMatch(n -> n.entity().id().equals(id)));
        };
    }

    private static ObjectNode entity(Entity e) {
        ObjectNode o = Json.object().put("id", e.id()).put("type", e.type()).put("version", e.version());
        o.set("body", e.body());
        return o;
    }

    private static String error(String message) {
        return Json.write(Json.object().put("error", message));
    }
}
