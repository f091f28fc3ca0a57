package solo.execution.email;

import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.execution.secret.SecretResolver;
import solo.state.Actor;
import solo.state.Store;
import solo.state.Write;
import solo.state.audit.HashChain;
import solo.support.Json;
import tools.jackson.databind.node.ObjectNode;

/**
 * Inbound email: reads the configured source (IMAP or maildir) and stores each new message as an
 * {@code email} artifact linked to the entities whose address is on it, in its thread, moving the
 * source's cursor in the same transaction; then tells the {@link EmailReceivedListener}s. A message
 * whose Message-ID is already stored (our own sent mail, a re-delivery) is skipped.
 *
 * <p>Inbound mail is untrusted: it is stored as data, marked {@code untrusted} in its metadata, and no
 * part of it is executed or followed here.
 */
public final class EmailPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmailPoller.class);

    private final Store store;
    private final EmailConfig config;
    private final Optional<InboundSource> source;
    private final EntityMatcher matcher;
    private final Clock clock;
    private final List<EmailReceivedListener> listeners = new CopyOnWriteArrayList<>();
    private volatile Thread loop;

    public EmailPoller(Store store, EmailConfig config, SecretResolver secrets, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.matcher = new EntityMatcher(store.schema());
        if (config.imap().isPresent()) {
            source = Optional.of(new ImapSource(config.imap().get(), config.imapFolder(), secrets, store.storage(), clock));
        } else {
            source = config.maildir().map(dir -> new MaildirSource(dir, store.storage(), clock));
        }
    }

    /** Whether solo.yaml configures an inbound source. */
    public boolean configured() {
        return source.isPresent();
    }

    public void addListener(EmailReceivedListener listener) {
        listeners.add(listener);
    }

    /** Reads what is new, once. A listener's refusal stops the poll at that message (read again next time). */
    public PollReport pollOnce() {
        InboundSource s = source.orElseThrow(() -> new EmailException(
                "no inbound email source: configure email.imap or email.maildir in solo.yaml"));
        List<EmailReceived> stored = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] known = {0};
        try {
            s.poll((raw, where, advance) -> take(s, raw, where, advance, stored, known, problems));
        } catch (EmailException e) {
            throw e;
        } catch (Exception e) {
            throw new EmailException(s.name() + ": cannot read mail: " + e.getMessage(), e);
        }
        return new PollReport(s.name(), List.copyOf(stored), known[0], List.copyOf(problems));
    }

    private void take(InboundSource s, byte[] raw, String where, InboundSource.CursorStep advance,
            List<EmailReceived> stored, int[] known, List<String> problems) {
        EmailContent content;
        try {
            MimeMessage m = MimeMessages.parse(raw);
            content = MimeReader.read(m, "<" + HashChain.sha256(raw).substring(0, 32) + "@solo.no-message-id>");
        } catch (EmailException e) {
            // An unreadable message must not block the mailbox: it is passed over, and said so.
            LOG.warn("{}: unreadable message passed over: {}", where, e.getMessage());
            problems.add(where + ": " + e.getMessage());
            store.storage().write(tx -> {
                advance.run(tx);
                return null;
            });
            return;
        }
        EmailReceived received = store.storage().write(tx -> {
            advance.run(tx);
            if (EmailThreads.known(tx, content.messageId())) {
                return null;
            }
            String own = config.fromAddress().toLowerCase(Locale.ROOT);
            List<String> others = content.participants().stream().filter(a -> !a.equalsIgnoreCase(own)).toList();
            List<String> entities = matcher.match(tx, others);
            String threadId = EmailThreads.threadFor(tx, content.messageId(), content.inReplyTo(), content.references());
            ObjectNode meta = Json.object().put("direction", "in").put("thread_id", threadId).put("source", s.name())
                    .put("untrusted", true);
            var change = EmailArtifacts.change(content, raw, "message.eml", meta, entities);
            String reason = "email received from " + (content.from() == null ? "unknown sender" : content.from());
            String artifactId = store.apply(tx, Write.of(Actor.SYSTEM, reason, change)).artifact().id();
            EmailThreads.register(tx, content.messageId(), threadId, "in", artifactId, clock.millis());
            EmailReceived event = new EmailReceived(artifactId, content.messageId(), threadId, content.from(),
                    content.fromName(), content.to(), content.subject(), entities, s.name(), clock.instant());
            for (EmailReceivedListener l : listeners) {
                l.received(tx, event);
            }
            return event;
        });
        if (received == null) {
            known[0]++;
        } else {
            stored.add(received);
        }
    }

    /** Polls every {@code email.poll_seconds} on a virtual thread until closed; failures are logged, not fatal. */
    public synchronized void start() {
        if (loop != null || source.isEmpty()) {
            return;
        }
        loop = Thread.ofVirtual().name("email-poller").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    PollReport r = pollOnce();
                    if (!r.stored().isEmpty() || !r.problems().isEmpty()) {
                        LOG.info("email poll: {}", r.summary());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("email poll failed: {}", e.getMessage());
                }
                try {
                    Thread.sleep(config.pollInterval());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    @Override
    public synchronized void close() {
        if (loop != null) {
            loop.interrupt();
            try {
                loop.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            loop = null;
        }
    }
}
