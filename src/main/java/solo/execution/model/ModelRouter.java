package solo.execution.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import solo.execution.secret.SecretException;
import solo.execution.secret.SecretResolver;

/**
 * Maps tiers to model clients. Clients are built on first use, so that a key that is not set only
 * stops the agents that need it; every client of one provider shares that provider's limits.
 */
public final class ModelRouter {
    private final ModelsConfig config;
    private final SecretResolver secrets;
    private final Map<String, ProviderLimits> limits = new ConcurrentHashMap<>();
    private final Map<Tier, ModelClient> clients = new ConcurrentHashMap<>();

    public ModelRouter(ModelsConfig config, SecretResolver secrets) {
        this.config = config;
        this.secrets = secrets;
    }

    public ModelsConfig config() {
        return config;
    }

    /** The route of a tier; empty when no model serves it (the operator does). */
    public Optional<TierRoute> route(Tier tier) {
        return config.route(tier);
    }

    /** The client of a tier that has a route; a {@link ModelCallException} (configuration) when it cannot be built. */
    public ModelClient client(Tier tier) {
        TierRoute route = config.route(tier).orElseThrow(() -> new IllegalStateException("no model for tier " + tier));
        return clients.computeIfAbsent(tier, t -> build(route));
    }

    private ModelClient build(TierRoute route) {
        ProviderConfig p = config.providers().get(route.provider());
        String key = null;
        if (p.apiKey() != null) {
            try {
                key = secrets.resolve(p.apiKey().toString());
            } catch (SecretException e) {
                throw new ModelCallException(FailureKind.CONFIGURATION, 0,
                        p.name() + ": the API key " + p.apiKey() + " is not set (" + p.where() + "): " + e.getMessage());
            }
        }
        ProviderLimits shared = limits.computeIfAbsent(p.name(), n -> new ProviderLimits(p.concurrency(), p.requestsPerMinute()));
        var http = new FixedHttpClientBuilder(new ResilientHttpClient(p.name(), shared, p.retry(), p.timeout()));
        ChatModel model = switch (p.kind()) {
            case OPENAI -> OpenAiChatModel.builder()
                    .httpClientBuilder(http)
                    .baseUrl(p.baseUrl())
                    // OpenAI-compatible servers without keys (Ollama, llama.cpp) ignore the header
                    .apiKey(key == null ? "no-key" : key)
                    .modelName(route.model())
                    .timeout(p.timeout())
                    .maxRetries(0)
                    .logRequests(false)
                    .logResponses(false)
                    .build();
            case ANTHROPIC -> {
                var b = AnthropicChatModel.builder()
                        .httpClientBuilder(http)
                        .apiKey(key == null ? "no-key" : key)
                        .modelName(route.model())
                        .timeout(p.timeout())
                        .maxRetries(0)
                        .logRequests(false)
                        .logResponses(false);
                if (p.baseUrl() != null) {
                    b.baseUrl(p.baseUrl());
                }
                yield b.build();
            }
        };
        return new ModelClient(p, route, model);
    }
}
