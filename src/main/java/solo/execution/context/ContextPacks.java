package solo.execution.context;

/**
 * Builds the context pack of one agent step: the token-budgeted context about the entity the step is about,
 * for its task. The seam the memory layer fills ({@code solo context ENTITY --task TEXT --budget TOKENS});
 * until it does, {@link RecordContextPacks} gives the entity's record, recent events and attached notes.
 * Built deterministically: the same inputs give the same text.
 */
@FunctionalInterface
public interface ContextPacks {
    ContextPack build(String entityId, String task, int budgetTokens);
}
