package solo.execution.secret;

import java.util.Optional;

/**
 * Turns a reference written in solo.yaml ({@code secret:NAME} or {@code env:NAME}) into the secret's value.
 * The value is never logged nor written into an error message: errors name the reference only.
 * An encrypted secrets store comes later; it will implement this interface.
 */
public interface SecretResolver {

    /** The value, or empty when the reference names nothing that is set. */
    Optional<String> resolve(SecretRef ref);
}
