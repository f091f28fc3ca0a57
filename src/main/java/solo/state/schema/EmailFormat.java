package solo.state.schema;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;
import java.util.regex.Pattern;

/**
 * {@code format: email} as an operator needs it: one address, a local part, an {@code @} and a domain with
 * a dot, no spaces. The library's own check also consults a list of top-level domains, which refuses
 * reserved ones ({@code .example}, {@code .test}) and lags behind new ones.
 */
final class EmailFormat implements Format {
    private static final Pattern ADDRESS = Pattern.compile(
            "[^\\s@\"(),:;<>\\[\\]\\\\]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+");

    @Override
    public String getName() {
        return "email";
    }

    @Override
    public boolean matches(ExecutionContext context, String value) {
        return value.length() <= 254 && ADDRESS.matcher(value).matches();
    }
}
