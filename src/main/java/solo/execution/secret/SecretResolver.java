package solo.execution.secret;

/**
 * Turns a reference written in YAML into the value it stands for: {@code secret:NAME} (a sealed secret of
 * the company) or {@code env:NAME} (an environment variable). Configuration keeps references, never
 * values, and resolves them only at the moment of use.
 */
@FunctionalInterface
public interface SecretResolver {

    /** The value; a {@link SecretException} naming the reference when it cannot be had. */
    String resolve(String reference);

    /** Whether the text is a reference this interface understands (and not a value typed in plain). */
    static boolean isReference(String text) {
        return text != null && (text.startsWith("secret:") || text.startsWith("env:"));
    }
}
