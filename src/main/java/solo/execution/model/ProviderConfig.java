package solo.execution.model;

import java.time.Duration;
import solo.execution.secret.SecretRef;

/**
 * One model provider from solo.yaml's {@code models} section: where it is, how to authenticate, and how
 * hard Solo may press it. {@code where} is the file:line:column of its definition, for errors.
 */
public record ProviderConfig(
        String name,
        ProviderKind kind,
        String baseUrl,
        SecretRef apiKey,
        int concurrency,
        int requestsPerMinute,
        Duration timeout,
        RetryPolicy retry,
        boolean jsonMode,
        String where) {

    @Override
    public String toString() {
        // the key reference, never its value, may appear in logs
        return name + " (" + kind.name().toLowerCase() + " " + (baseUrl == null ? "default endpoint" : baseUrl) + ")";
    }
}
