package solo.app;

import java.util.function.Supplier;
import solo.execution.context.ContextPack;
import solo.execution.context.ContextPacks;
import solo.memory.Memory;

/**
 * Execution's context-pack seam filled by memory: agent steps get exactly what
 * {@code solo context ENTITY --task TEXT --budget TOKENS} prints. (Memory cannot depend on execution, so the
 * adapter lives here.) An entity that does not exist gives a one-line pack that says so.
 */
final class MemoryContextPacks implements ContextPacks {
    private final Supplier<Memory> memory;

    MemoryContextPacks(Supplier<Memory> memory) {
        this.memory = memory;
    }

    @Override
    public ContextPack build(String entityId, String task, int budgetTokens) {
        Memory m = memory.get();
        if (m.store().find(entityId).isEmpty()) {
            return new ContextPack("(no record " + entityId + ")", true);
        }
        var pack = m.contextPack(entityId, task, Math.max(1, budgetTokens));
        return new ContextPack(pack.text(), pack.retrievalFoundLittle());
    }
}
