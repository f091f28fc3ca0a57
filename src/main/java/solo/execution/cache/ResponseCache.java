package solo.execution.cache;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import java.time.Clock;
import java.util.Optional;
import solo.execution.model.ModelReply;
import solo.state.storage.Storage;

/**
 * Model answers kept in the company's database by {@link CacheKey}, so that an identical call is answered
 * without an HTTP request, across restarts. Only answers worth repeating are put here (see the invoker).
 */
public final class ResponseCache {
    private final Storage storage;
    private final Clock clock;

    public ResponseCache(Storage storage, Clock clock) {
        this.storage = storage;
        this.clock = clock;
    }

    public Optional<ModelReply> find(String key) {
        return storage.read(sql -> sql.queryOne(
                "SELECT reply, input_tokens, output_tokens FROM response_cache WHERE cache_key = ?",
                rs -> new ModelReply((AiMessage) ChatMessageDeserializer.messageFromJson(rs.getString(1)),
                        rs.getInt(2), rs.getInt(3), 0, true),
                key));
    }

    /** Keeps the reply; a second put of the same key keeps the first (both answered the same call). */
    public void put(String key, String provider, String model, ModelReply reply) {
        String json = ChatMessageSerializer.messageToJson(reply.message());
        storage.write(tx -> tx.update("INSERT INTO response_cache (cache_key, provider, model, reply, input_tokens, "
                        + "output_tokens, created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (cache_key) DO NOTHING",
                key, provider, model, json, reply.inputTokens(), reply.outputTokens(), clock.millis()));
    }

    public long size() {
        return storage.read(sql -> sql.queryLong("SELECT COUNT(*) FROM response_cache"));
    }
}
