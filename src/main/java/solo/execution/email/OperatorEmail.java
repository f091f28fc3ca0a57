package solo.execution.email;

import solo.company.CompanyConfig;
import solo.orchestration.inbox.Notifier;
import solo.state.Actor;
import solo.support.SoloException;

/**
 * Email to the operator (solo.yaml {@code operator.email}) through the email sender: SMTP when configured,
 * the outbox folder otherwise. The key makes a repeat send nothing (a digest is mailed once, a playbook's
 * notice once per item). What playbooks' {@code notify} and the daily digest go through.
 */
public final class OperatorEmail implements Notifier {
    private final EmailSender sender;
    private final CompanyConfig config;

    public OperatorEmail(EmailSender sender, CompanyConfig config) {
        this.sender = sender;
        this.config = config;
    }

    /** The operator's address from solo.yaml, or null when it gives none. */
    public String address() {
        String a = config.section("operator").path("email").asString("").strip();
        return a.isEmpty() ? null : a;
    }

    @Override
    public String notify(String subject, String text, String key) {
        String to = address();
        if (to == null) {
            return null;
        }
        return switch (sender.send(OutgoingEmail.of(to, subject, text), key, Actor.SYSTEM)) {
            case SendOutcome.Sent s -> to;
            case SendOutcome.AlreadySent s -> to;
            case SendOutcome.OutcomeUnknown u -> throw new SoloException("email to " + to + " may not have gone out: " + u.reason());
            case SendOutcome.Failed f -> throw new SoloException("email to " + to + " not sent: " + f.reason());
        };
    }
}
