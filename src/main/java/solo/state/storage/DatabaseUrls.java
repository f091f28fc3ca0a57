package solo.state.storage;

/** Database URLs as the operator writes them, turned into JDBC URLs, and shown without passwords. */
public final class DatabaseUrls {
    private DatabaseUrls() {}

    /**
     * Accepts {@code jdbc:postgresql://...} as it is and the common {@code postgres://user:pass@host/db}
     * form, which it rewrites to JDBC with user and password as parameters.
     */
    public static String toJdbc(String url) {
        if (url.startsWith("jdbc:")) {
            return url;
        }
        String rest = url.replaceFirst("^postgres(ql)?://", "");
        String credentials = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            credentials = rest.substring(0, at);
            rest = rest.substring(at + 1);
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(rest);
        if (credentials != null) {
            String[] parts = credentials.split(":", 2);
            jdbc.append(rest.contains("?") ? '&' : '?').append("user=").append(parts[0]);
            if (parts.length > 1) {
                jdbc.append("&password=").append(parts[1]);
            }
        }
        return jdbc.toString();
    }

    /** The URL with any password replaced, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("://([^:/@]+):[^@/]*@", "://$1:***@");
    }
}
