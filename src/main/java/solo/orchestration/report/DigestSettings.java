package solo.orchestration.report;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/**
 * solo.yaml's {@code digest:} section: when each day's digest is written ({@code at}, in the company's time
 * zone; it covers the day before) and whether it is emailed to the operator ({@code send}).
 *
 * <pre>
 * digest:
 *   at: "07:30"
 *   send: true
 * </pre>
 */
public record DigestSettings(LocalTime at, boolean send) {
    public static final DigestSettings DEFAULT = new DigestSettings(LocalTime.of(8, 0), true);

    public static DigestSettings read(YamlDocument doc) {
        JsonNode s = doc.root().path("digest");
        if (s.isMissingNode() || s.isNull()) {
            return DEFAULT;
        }
        if (!s.isObject()) {
            throw doc.error("/digest", "digest must be a mapping (at: \"08:00\", send: true)");
        }
        for (String key : s.propertyNames()) {
            if (!Set.of("at", "send").contains(key)) {
                throw doc.errorAtKey("/digest/" + key, "unknown digest setting '" + key + "' (known: at, send)");
            }
        }
        LocalTime at = DEFAULT.at();
        if (s.has("at")) {
            try {
                at = LocalTime.parse(s.get("at").asString(""));
            } catch (DateTimeParseException e) {
                throw doc.error("/digest/at", "digest.at must be a time of day like \"08:00\", not " + s.get("at"));
            }
        }
        boolean send = DEFAULT.send();
        if (s.has("send")) {
            if (!s.get("send").isBoolean()) {
                throw doc.error("/digest/send", "digest.send must be true or false");
            }
            send = s.get("send").asBoolean();
        }
        return new DigestSettings(at, send);
    }
}
