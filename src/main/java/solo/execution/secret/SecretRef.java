package solo.execution.secret;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A reference to a secret as written in solo.yaml: {@code secret:NAME} or {@code env:NAME}. */
public record SecretRef(Source source, String name) {
    private static final Pattern REF = Pattern.compile("(secret|env):([A-Za-z_][A-Za-z0-9_.-]*)");

    public enum Source { SECRET, ENV }

    /** Null when the text is not a reference (then it must not be used: keys never live in plain text). */
    public static SecretRef parse(String text) {
        Matcher m = REF.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return null;
        }
        return new SecretRef("secret".equals(m.group(1)) ? Source.SECRET : Source.ENV, m.group(2));
    }

    @Override
    public String toString() {
        return source.name().toLowerCase() + ":" + name;
    }
}
