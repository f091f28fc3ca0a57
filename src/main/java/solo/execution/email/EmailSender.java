package solo.execution.email;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.execution.secret.SecretResolver;
import solo.state.Actor;
import solo.state.Store;
import solo.state.Write;
import solo.state.storage.WriteTx;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code email.send} action. One path for both transports (SMTP when {@code email.smtp} is configured,
 * the outbox folder otherwise), made safe to repeat by the action's idempotency key:
 *
 * <ol>
 *   <li>the key is recorded as {@code sending} (durably) before anything leaves;</li>
 *   <li>the message goes out with a Message-ID made from the key;</li>
 *   <li>the outcome is recorded with the message stored as an {@code email} artifact, in one transaction.</li>
 * </ol>
 *
 * A repeat of a sent key sends nothing. A key left {@code sending} by a crash is checked (the outbox file;
 * the IMAP Sent folder) and, when the check cannot tell, reported as {@link SendOutcome.OutcomeUnknown}
 * rather than sent again.
 */
public final class EmailSender {
    private static final Logger LOG = LoggerFactory.getLogger(EmailSender.class);

    /** What the operator found out about a send whose outcome was unknown. */
    public enum Settlement { SENT, NOT_SENT }

    private sealed interface Decision {
        record Fresh() implements Decision {}
        record Done(SendLedger.Row row) implements Decision {}
        record Recheck(SendLedger.Row row) implements Decision {}
    }

    private final Store store;
    private final EmailConfig config;
    private final EmailTransport transport;
    private final EntityMatcher matcher;
    private final Clock clock;
    private volatile Consumer<String> afterDelivery = id -> { };

    public EmailSender(Store store, EmailConfig config, SecretResolver secrets, Clock clock) {
        this.store = store;
        this.config = config;
        this.transport = config.smtp().isPresent()
                ? new SmtpTransport(config.smtp().get(), config.imap(), config.sentFolder(), secrets)
                : new OutboxTransport(config.outbox());
        this.matcher = new EntityMatcher(store.schema());
        this.clock = clock;
    }

    /** {@code smtp} or {@code outbox}. */
    public String transport() {
        return transport.name();
    }

    public EmailConfig config() {
        return config;
    }

    /**
     * Runs after the transport accepted a message and before its outcome is recorded: a place for metrics,
     * and for crash tests to stop the process exactly there.
     */
    public void afterDelivery(Consumer<String> hook) {
        this.afterDelivery = hook;
    }

    /**
     * Sends the email once per idempotency key (derived by the runtime from the run and step). The sent
     * message is stored as an {@code email} artifact attached to the recipients' entities, by {@code actor}.
     */
    public SendOutcome send(OutgoingEmail email, String idempotencyKey, Actor actor) {
        String token = MessageIds.token(idempotencyKey);
        String messageId = MessageIds.messageId(idempotencyKey, config.messageIdDomain());
        checkBeforeSending(email);
        String digest = email.digest();
        Decision d = store.storage().write(tx -> decide(tx, idempotencyKey, messageId, digest, email));
        return switch (d) {
            case Decision.Done done -> new SendOutcome.AlreadySent(done.row().messageId(), done.row().transport(),
                    done.row().artifactId(), false);
            case Decision.Recheck r -> recheck(r.row(), email, idempotencyKey, token, messageId, actor);
            case Decision.Fresh f -> deliver(email, idempotencyKey, token, messageId, actor);
        };
    }

    /** The entities whose email fields hold one of these addresses: an email's recipients as entities. */
    public List<String> entitiesOf(List<String> addresses) {
        return addresses.isEmpty() ? List.of() : store.storage().read(sql -> matcher.match(sql, addresses));
    }

    EntityMatcher matcher() {
        return matcher;
    }

    /** The record of a key, if it was ever sent or tried. */
    public Optional<SendRecord> record(String idempotencyKey) {
        return store.storage().read(sql -> SendLedger.find(sql, idempotencyKey, false)).map(SendRecord::of);
    }

    /** Settles a send whose outcome was unknown: marks it sent, or not sent so that the next send goes. */
    public SendRecord settle(String idempotencyKey, Settlement settlement) {
        store.storage().write(tx -> {
            SendLedger.Row row = SendLedger.find(tx, idempotencyKey, true).orElseThrow(() ->
                    new EmailException("no email was sent under the key " + idempotencyKey));
            if (!row.state().equals(SendLedger.SENDING)) {
                throw new EmailException("the email under the key " + idempotencyKey + " is " + row.state()
                        + "; only an unknown outcome can be settled");
            }
            if (settlement == Settlement.SENT) {
                SendLedger.sent(tx, idempotencyKey, null, "settled by the operator: sent", clock.millis());
            } else {
                SendLedger.failed(tx, idempotencyKey, "settled by the operator: not sent", clock.millis());
            }
            return null;
        });
        return record(idempotencyKey).orElseThrow();
    }

    private Decision decide(WriteTx tx, String key, String messageId, String digest, OutgoingEmail email)
            throws SQLException {
        Optional<SendLedger.Row> found = SendLedger.find(tx, key, true);
        long now = clock.millis();
        if (found.isEmpty()) {
            List<String> recipients = new ArrayList<>(email.to());
            recipients.addAll(email.cc());
            SendLedger.begin(tx, key, messageId, transport.name(), digest, String.join(", ", recipients), email.subject(), now);
            return new Decision.Fresh();
        }
        SendLedger.Row row = found.get();
        if (!row.digest().equals(digest)) {
            throw new EmailException("idempotency key " + key + " was already used for a different email ("
                    + row.messageId() + "); a changed email needs a new key");
        }
        return switch (row.state()) {
            case SendLedger.SENT -> new Decision.Done(row);
            case SendLedger.SENDING -> new Decision.Recheck(row);
            default -> {
                SendLedger.retry(tx, key, transport.name(), now);
                yield new Decision.Fresh();
            }
        };
    }

    private SendOutcome recheck(SendLedger.Row row, OutgoingEmail email, String key, String token, String messageId,
            Actor actor) {
        if (!row.transport().equals(transport.name())) {
            return unknown(key, messageId, "the earlier attempt went by " + row.transport() + " and " + transport.name()
                    + " is configured now, which cannot tell whether it was sent");
        }
        EmailTransport.Presence p = transport.check(messageId, token);
        return switch (p.state()) {
            case FOUND -> {
                LOG.info("email {} was delivered before its outcome was recorded ({}); recording it now", messageId, p.detail());
                String artifactId = record(email, key, messageId, deliveredBytes(email, messageId, token), actor,
                        "recovered after a crash: " + p.detail());
                yield new SendOutcome.AlreadySent(messageId, transport.name(), artifactId, true);
            }
            case ABSENT -> deliver(email, key, token, messageId, actor);
            case UNKNOWN -> unknown(key, messageId, p.detail());
        };
    }

    private SendOutcome deliver(OutgoingEmail email, String key, String token, String messageId, Actor actor) {
        MimeMessage message = build(email, messageId);
        byte[] bytes = MimeMessages.bytes(message);
        try {
            // the built message, not one parsed from the bytes: those leave out the Bcc, as on the wire
            transport.deliver(message, bytes, token);
        } catch (EmailTransport.Undelivered u) {
            if (!u.certain) {
                return unknown(key, messageId, u.getMessage());
            }
            store.storage().write(tx -> {
                SendLedger.failed(tx, key, u.getMessage(), clock.millis());
                return null;
            });
            return new SendOutcome.Failed(messageId, transport.name(), u.getMessage(), u.retryable);
        }
        afterDelivery.accept(messageId);
        String artifactId = record(email, key, messageId, bytes, actor, null);
        return new SendOutcome.Sent(messageId, transport.name(), artifactId, clock.instant());
    }

    private MimeMessage build(OutgoingEmail email, String messageId) {
        String bcc = config.bccSelf() && transport instanceof SmtpTransport ? config.fromAddress() : null;
        List<String> references = email.inReplyTo() == null ? List.of() : List.of(email.inReplyTo());
        return MimeMessages.build(email, config.from(), messageId, references, clock.instant(), bcc);
    }

    /** The message as it was delivered when the outbox still has it; otherwise as it is built now. */
    private byte[] deliveredBytes(OutgoingEmail email, String messageId, String token) {
        if (transport instanceof OutboxTransport outbox) {
            try {
                return Files.readAllBytes(outbox.file(token));
            } catch (IOException e) {
                LOG.warn("cannot read {} back from the outbox: {}", token, e.getMessage());
            }
        }
        return MimeMessages.bytes(build(email, messageId));
    }

    private String record(OutgoingEmail email, String key, String messageId, byte[] bytes, Actor actor, String detail) {
        EmailContent content = MimeReader.read(MimeMessages.parse(bytes), messageId);
        return store.storage().write(tx -> {
            List<String> recipients = new ArrayList<>(email.to().stream().map(a -> MimeMessages.address(a, "to").getAddress()).toList());
            email.cc().forEach(a -> recipients.add(MimeMessages.address(a, "cc").getAddress()));
            TreeSet<String> entities = new TreeSet<>(email.entityIds());
            entities.addAll(matcher.match(tx, recipients));
            String threadId = EmailThreads.threadFor(tx, messageId, email.inReplyTo(), content.references());
            ObjectNode meta = Json.object().put("direction", "out").put("thread_id", threadId)
                    .put("transport", transport.name()).put("idempotency_key", key);
            var change = EmailArtifacts.change(content, bytes, MessageIds.token(key) + ".eml", meta, List.copyOf(entities));
            String artifactId = store.apply(tx, Write.of(actor, "email sent: " + content.title(), change)).artifact().id();
            long now = clock.millis();
            EmailThreads.register(tx, messageId, threadId, "out", artifactId, now);
            SendLedger.sent(tx, key, artifactId, detail, now);
            return artifactId;
        });
    }

    private SendOutcome unknown(String key, String messageId, String reason) {
        LOG.warn("email {}: outcome unknown: {}", messageId, reason);
        store.storage().write(tx -> {
            SendLedger.unknown(tx, key, reason, clock.millis());
            return null;
        });
        return new SendOutcome.OutcomeUnknown(messageId, transport.name(), reason);
    }

    /** Refuses what would fail after sending (an unknown entity to attach to, a bad address) while nothing has gone. */
    private void checkBeforeSending(OutgoingEmail email) {
        for (String id : email.entityIds()) {
            if (store.find(id).isEmpty()) {
                throw new EmailException("cannot attach the email to " + id + ": no such entity (nothing was sent)");
            }
        }
        MimeMessages.address(email.from() == null ? config.fromAddress() : email.from(), "from");
        email.to().forEach(a -> MimeMessages.address(a, "to"));
        email.cc().forEach(a -> MimeMessages.address(a, "cc"));
    }

    /** What is known of one idempotency key. */
    public record SendRecord(String idempotencyKey, String messageId, String transport, String state, String artifactId,
            String detail, int attempts, Instant updatedAt) {
        static SendRecord of(SendLedger.Row r) {
            return new SendRecord(r.key(), r.messageId(), r.transport(), r.state(), r.artifactId(), r.detail(),
                    r.attempts(), r.updatedAt());
        }
    }
}
