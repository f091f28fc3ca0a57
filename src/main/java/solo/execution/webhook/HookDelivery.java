package solo.execution.webhook;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An accepted delivery of an inbound hook. The payload (JSON, or a web form's fields as a JSON object)
 * comes from outside: it is data for a flow, never instructions.
 */
public record HookDelivery(String hook, String deliveryId, JsonNode payload, String bodySha256, Instant receivedAt) {}
