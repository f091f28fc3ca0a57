package solo.orchestration.inbox;

/**
 * Tells the operator something by email (a playbook's {@code notify}, the daily digest): to their address
 * in solo.yaml, through Solo's email sender (SMTP, or the outbox folder). Execution fills this seam.
 */
public interface Notifier {

    /**
     * Sends once per {@code key} (a repeat with the same key sends nothing); returns where it went (the
     * address), or null when the operator has no address in solo.yaml.
     */
    String notify(String subject, String text, String key);

    /** Nowhere to send to. */
    Notifier NONE = (subject, text, key) -> null;
}
