package solo.execution.secret;

import java.util.Map;
import java.util.Optional;

/**
 * Reads secrets from environment variables until the encrypted store exists: {@code env:NAME} and
 * {@code secret:NAME} both read the variable {@code NAME}.
 */
public final class EnvSecretResolver implements SecretResolver {
    private final Map<String, String> environment;

    public EnvSecretResolver() {
        this(System.getenv());
    }

    /** For tools and tests that pass their own environment. */
    public EnvSecretResolver(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    @Override
    public Optional<String> resolve(SecretRef ref) {
        String value = environment.get(ref.name());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }
}
