package solo.execution.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import solo.company.Company;
import solo.execution.secret.ConfigSection;

/**
 * The {@code hooks} section of solo.yaml:
 *
 * <pre>
 * hooks:
 *   inbound:
 *     webform:                              # POST /hooks/webform
 *       secret: secret:WEBFORM_HOOK_SECRET  # HMAC-SHA256 key shared with the sender
 *       signature_header: X-Solo-Signature  # "sha256=HEX" of the body (default header name)
 *       delivery_header: X-Solo-Delivery    # the sender's delivery id (default header name)
 *       max_body_bytes: 262144
 *   outbound:
 *     allow: ["https://hooks.acme.example/"]  # the only URLs the http action may call
 *     timeout_seconds: 10
 *     max_attempts: 4
 * </pre>
 */
public record HooksConfig(Map<String, InboundHook> inbound, Outbound outbound) {
    public static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    public record InboundHook(String name, String secret, String signatureHeader, String deliveryHeader, int maxBodyBytes) {}

    public record Outbound(List<AllowedUrl> allow, Duration timeout, int maxAttempts) {}

    public static HooksConfig read(Company company) {
        ConfigSection s = ConfigSection.of(company.config(), "hooks").only("inbound", "outbound");
        Map<String, InboundHook> inbound = new TreeMap<>();
        ConfigSection in = s.child("inbound").mapping();
        if (in.present()) {
            for (String name : in.names()) {
                ConfigSection h = in.child(name).only("secret", "signature_header", "delivery_header", "max_body_bytes");
                if (!NAME.matcher(name).matches()) {
                    throw h.error("", "hook name must be lower-case letters, digits, '_' or '-' (it is the URL /hooks/NAME)");
                }
                String secret = h.reference("secret");
                if (secret == null) {
                    throw h.error("/secret", "is required: every inbound hook checks an HMAC signature");
                }
                inbound.put(name, new InboundHook(name, secret, h.text("signature_header", "X-Solo-Signature"),
                        h.text("delivery_header", "X-Solo-Delivery"), h.integer("max_body_bytes", 256 * 1024, 1, 16 << 20)));
            }
        }
        ConfigSection out = s.child("outbound").only("allow", "timeout_seconds", "max_attempts");
        List<String> allow = out.texts("allow");
        List<AllowedUrl> allowed = new java.util.ArrayList<>();
        for (int i = 0; i < allow.size(); i++) {
            int index = i;
            allowed.add(AllowedUrl.parse(allow.get(i)).orElseThrow(() -> out.error("/allow/" + index,
                    "must be an http or https URL with a host, such as https://hooks.acme.example/")));
        }
        return new HooksConfig(inbound, new Outbound(List.copyOf(allowed), out.seconds("timeout_seconds",
                Duration.ofSeconds(10), 1, 300), out.integer("max_attempts", 4, 1, 10)));
    }

    public Optional<InboundHook> hook(String name) {
        return Optional.ofNullable(inbound.get(name));
    }
}
