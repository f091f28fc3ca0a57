package solo.interfaces.mcp;

import java.util.List;
import java.util.Map;
import solo.app.Solo;
import solo.execution.context.ContextPack;
import solo.execution.tool.MemoryHit;
import solo.execution.tool.MemorySearch;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Memory for the assistant: search and context packs, through the seams {@link Solo} wires (the memory
 * layer's engine when it is there), scoped like an agent's reads.
 */
final class MemoryTools {
    private final Solo solo;

    MemoryTools(Solo solo) {
        this.solo = solo;
    }

    Map<String, SoloTool> tools() {
        return Map.of("search_memory", this::search, "get_context_pack", this::contextPack);
    }

    private ObjectNode search(ToolCall c) {
        String scope = c.text("scope");
        if (scope != null) {
            requireEntity(scope, "/scope");
        }
        MemorySearch memory = solo.memorySearch();
        List<MemoryHit> hits = memory.search(c.text("query"), scope, c.integer("neighbours", 1), c.integer("limit", 10));
        ObjectNode out = Json.object().put("query", c.text("query")).put("scope", scope == null ? "company" : scope);
        ArrayNode a = out.putArray("hits");
        for (MemoryHit h : hits) {
            a.addObject().put("id", h.id()).put("kind", h.kind()).put("title", h.title()).put("excerpt", h.excerpt())
                    .put("score", h.score());
        }
        return out;
    }

    private ObjectNode contextPack(ToolCall c) {
        String entity = c.text("entity");
        requireEntity(entity, "/entity");
        int budget = c.integer("budget_tokens", 2000);
        ContextPack pack = solo.contextPacks().build(entity, c.text("task"), budget);
        return Json.object().put("entity", entity).put("task", c.text("task")).put("budget_tokens", budget)
                .put("approximate_tokens", pack.approximateTokens()).put("retrieval_found_little", pack.retrievalFoundLittle())
                .put("text", pack.text());
    }

    private void requireEntity(String id, String field) {
        if (solo.store().find(id).isEmpty()) {
            throw new ToolError(field, "no entity " + id + " (list_entities shows the ids)");
        }
    }
}
