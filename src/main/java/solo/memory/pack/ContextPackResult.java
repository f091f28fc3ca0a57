package solo.memory.pack;

import java.util.List;

/**
 * A context pack: its text, its size in tokens (never above the budget), the sections it holds, the
 * artifacts it quotes, and whether retrieval found little for the task (which lowers an agent's confidence).
 */
public record ContextPackResult(String text, int tokens, int budget, List<String> sections, List<String> sources,
        boolean retrievalFoundLittle) {
    public ContextPackResult {
        sections = List.copyOf(sections);
        sources = List.copyOf(sources);
    }
}
