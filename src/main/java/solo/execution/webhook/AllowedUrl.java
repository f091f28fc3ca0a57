package solo.execution.webhook;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of {@code hooks.outbound.allow}: a URL is allowed when its scheme, host and port are the
 * entry's and its path lies under the entry's path (on a segment boundary). Components are compared,
 * not text, so {@code https://good.example.evil.example/} never passes for {@code https://good.example}.
 */
public record AllowedUrl(String scheme, String host, int port, String path) {

    public static Optional<AllowedUrl> parse(String text) {
        try {
            URI u = new URI(text.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getRawUserInfo() != null) {
                return Optional.empty();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return Optional.of(new AllowedUrl(scheme, u.getHost().toLowerCase(Locale.ROOT), port(u), path));
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    public boolean allows(URI u) {
        if (u.getScheme() == null || u.getHost() == null || u.getRawUserInfo() != null) {
            return false;
        }
        String p = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        boolean under = p.equals(path) || p.startsWith(path.endsWith("/") ? path : path + "/");
        return scheme.equals(u.getScheme().toLowerCase(Locale.ROOT)) && host.equals(u.getHost().toLowerCase(Locale.ROOT))
                && port == port(u) && under && !p.contains("/../");
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
