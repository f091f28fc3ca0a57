package solo.execution.model;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import solo.execution.config.ConfigNode;
import solo.execution.secret.SecretRef;
import solo.support.yaml.YamlDocument;

/**
 * solo.yaml's {@code models} (providers) and {@code tiers} (tier → provider and model) sections:
 *
 * <pre>
 * models:
 *   local: {kind: openai, base_url: http://127.0.0.1:11434/v1, concurrency: 2}
 *   claude: {kind: anthropic, api_key: secret:ANTHROPIC_API_KEY, requests_per_minute: 50}
 * tiers:
 *   fast: local/llama3.2
 *   premium: {provider: claude, model: claude-sonnet-4-5, max_tokens: 2048}
 * </pre>
 *
 * A tier without a model is served by the operator.
 */
public record ModelsConfig(Map<String, ProviderConfig> providers, Map<Tier, TierRoute> tiers) {
    private static final Set<String> PROVIDER_FIELDS = Set.of("kind", "base_url", "api_key", "concurrency",
            "requests_per_minute", "timeout_seconds", "max_retries", "retry_base_ms", "retry_max_ms",
            "max_retry_after_seconds", "json_mode");
    private static final Set<String> TIER_FIELDS = Set.of("provider", "model", "temperature", "max_tokens");

    public static final ModelsConfig NONE = new ModelsConfig(Map.of(), Map.of());

    public Optional<TierRoute> route(Tier tier) {
        return Optional.ofNullable(tiers.get(tier));
    }

    public static ModelsConfig read(YamlDocument doc) {
        Map<String, ProviderConfig> providers = new LinkedHashMap<>();
        ConfigNode models = ConfigNode.section(doc, "models");
        if (!models.absent()) {
            models.requireObject("provider names mapped to {kind, base_url, api_key, ...}");
            for (String name : models.keys()) {
                providers.put(name, provider(name, models.child(name)));
            }
        }
        Map<Tier, TierRoute> tiers = new EnumMap<>(Tier.class);
        ConfigNode section = ConfigNode.section(doc, "tiers");
        if (!section.absent()) {
            section.allowKeys(Set.of("fast", "standard", "premium"));
            for (String key : section.keys()) {
                ConfigNode node = section.child(key);
                if (!node.absent()) {
                    tiers.put(Tier.parse(key), route(Tier.parse(key), node, providers));
                }
            }
        }
        return new ModelsConfig(Map.copyOf(providers), Map.copyOf(tiers));
    }

    private static ProviderConfig provider(String name, ConfigNode node) {
        node.requireObject("kind, base_url, api_key, concurrency, requests_per_minute, timeout_seconds, max_retries")
                .allowKeys(PROVIDER_FIELDS);
        String kindText = node.text("kind");
        ProviderKind kind = switch (kindText) {
            case "openai" -> ProviderKind.OPENAI;
            case "anthropic" -> ProviderKind.ANTHROPIC;
            default -> throw node.child("kind").error("kind must be openai (any OpenAI-compatible server) or anthropic, not '"
                    + kindText + "'");
        };
        String baseUrl = node.optText("base_url").orElse(null);
        if (kind == ProviderKind.OPENAI && baseUrl == null) {
            throw node.error(node.name() + ".base_url is missing (for OpenAI itself: https://api.openai.com/v1)");
        }
        if (baseUrl != null && !baseUrl.matches("https?://.+")) {
            throw node.child("base_url").error("base_url must start with http:// or https://");
        }
        SecretRef key = null;
        Optional<String> keyText = node.optText("api_key");
        if (keyText.isPresent()) {
            key = SecretRef.parse(keyText.get());
            if (key == null) {
                // the value is not echoed: it may be a real key pasted by mistake
                throw node.child("api_key").error("api_key must be a reference, secret:NAME or env:NAME; "
                        + "keys are never written in solo.yaml");
            }
        }
        RetryPolicy retry = new RetryPolicy(
                node.integer("max_retries", RetryPolicy.DEFAULT.maxRetries(), 0, 10),
                Duration.ofMillis(node.integer("retry_base_ms", (int) RetryPolicy.DEFAULT.base().toMillis(), 1, 60_000)),
                Duration.ofMillis(node.integer("retry_max_ms", (int) RetryPolicy.DEFAULT.cap().toMillis(), 1, 600_000)),
                Duration.ofSeconds(node.integer("max_retry_after_seconds",
                        (int) RetryPolicy.DEFAULT.maxRetryAfter().toSeconds(), 0, 3600)));
        Duration timeout = Duration.ofMillis((long) (node.number("timeout_seconds", 60, 0.01, 3600) * 1000));
        return new ProviderConfig(name, kind, baseUrl, key,
                node.integer("concurrency", 4, 1, 1000),
                node.integer("requests_per_minute", 0, 0, 1_000_000),
                timeout, retry,
                node.bool("json_mode", kind == ProviderKind.OPENAI),
                node.where());
    }

    private static TierRoute route(Tier tier, ConfigNode node, Map<String, ProviderConfig> providers) {
        String provider;
        String model;
        Double temperature = null;
        Integer maxTokens = null;
        ConfigNode providerNode = node;
        if (node.node().isString()) {
            String text = node.text();
            int slash = text.indexOf('/');
            if (slash <= 0 || slash == text.length() - 1) {
                throw node.error(node.name() + " must be PROVIDER/MODEL (e.g. local/llama3.2) or {provider, model}");
            }
            provider = text.substring(0, slash);
            model = text.substring(slash + 1);
        } else {
            node.requireObject("provider, model, temperature, max_tokens").allowKeys(TIER_FIELDS);
            provider = node.text("provider");
            providerNode = node.child("provider");
            model = node.text("model");
            if (node.has("temperature")) {
                temperature = node.child("temperature").number(0, 2);
            }
            if (node.has("max_tokens")) {
                maxTokens = node.integer("max_tokens", 0, 1, 1_000_000);
            }
        }
        if (!providers.containsKey(provider)) {
            throw providerNode.error("tier " + tier.text() + " names provider '" + provider + "', which models does not define"
                    + (providers.isEmpty() ? "" : " (defined: " + String.join(", ", providers.keySet()) + ")"));
        }
        return new TierRoute(tier, provider, model, temperature, maxTokens);
    }
}
