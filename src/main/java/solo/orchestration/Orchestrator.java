package solo.orchestration;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.company.Company;
import solo.orchestration.action.ActionGuard;
import solo.orchestration.action.Actions;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxItems;
import solo.orchestration.inbox.Notifier;
import solo.orchestration.inbox.Playbooks;
import solo.orchestration.inbox.TaskAnswers;
import solo.orchestration.kinds.ActionStep;
import solo.orchestration.kinds.AgentFunctions;
import solo.orchestration.kinds.AgentStep;
import solo.orchestration.kinds.FlowStep;
import solo.orchestration.kinds.GateStep;
import solo.orchestration.kinds.QueryStep;
import solo.orchestration.kinds.WaitStep;
import solo.orchestration.report.Digest;
import solo.orchestration.report.DigestSettings;
import solo.orchestration.report.Kpis;
import solo.orchestration.report.ModelUsage;
import solo.orchestration.runtime.Engine;
import solo.orchestration.runtime.FlowCatalog;
import solo.orchestration.runtime.RunControl;
import solo.orchestration.runtime.RuntimeSettings;
import solo.orchestration.runtime.Worker;
import solo.orchestration.step.StepKind;
import solo.orchestration.step.StepKinds;
import solo.orchestration.trigger.CronTriggers;
import solo.orchestration.trigger.EntityTriggers;
import solo.orchestration.trigger.InboundTriggers;
import solo.state.Store;

/**
 * The orchestration layer of one process: the flows, the run controls, and (once {@link #start}ed, as
 * {@code solo up} does) the worker that drives runs and the triggers that start them. Whatever else
 * {@code solo up} serves (the HTTP server) starts next to it.
 */
public final class Orchestrator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Orchestrator.class);
    private final Engine engine;
    private final StepKinds kinds;
    private final RunControl runs;
    private final Worker worker;
    private final CronTriggers cron;
    private final EntityTriggers entityTriggers;
    private final InboundTriggers inboundTriggers;
    private final Inbox inbox;
    private final Kpis kpis;
    private final Digest digest;
    private volatile Thread triggers;

    /**
     * The pluggable parts: agent functions, actions, the guard asked before actions, extra step kinds, and what
     * the inbox and the reports need from execution (task answers checked against contracts, email to the
     * operator, the ledger's sums).
     */
    public record Plugins(AgentFunctions agents, Actions actions, ActionGuard guard, List<StepKind> extraKinds,
            TaskAnswers tasks, Notifier notifier, ModelUsage usage) {
        public Plugins(AgentFunctions agents, Actions actions, ActionGuard guard, List<StepKind> extraKinds) {
            this(agents, actions, guard, extraKinds, TaskAnswers.OBJECTS, Notifier.NONE, ModelUsage.NONE);
        }

        public static Plugins defaults() {
            return new Plugins(AgentFunctions.builtIn(), Actions.builtIn(), ActionGuard.ALLOW_ALL, List.of());
        }
    }

    private final Path dataDir;
    private FileChannel lockFile;

    public Orchestrator(Store store, Company company, Plugins plugins, RuntimeSettings settings, DigestSettings digestSettings,
            Clock clock) {
        Path companyDir = company.dir();
        this.dataDir = company.dataDir();
        AtomicReference<FlowCatalog> catalog = new AtomicReference<>();
        kinds = new StepKinds()
                .register(new AgentStep(plugins.agents(), settings.agentConcurrency()))
                .register(new ActionStep(plugins.actions(), plugins.guard()))
                .register(new GateStep())
                .register(new WaitStep())
                .register(new QueryStep())
                .register(new FlowStep(name -> catalog.get().requiredInputs(name)));
        plugins.extraKinds().forEach(kinds::register);
        catalog.set(new FlowCatalog(companyDir, kinds, type -> store.schema().find(type).isPresent(), store.storage()));
        engine = new Engine(store, catalog.get(), kinds, clock, settings, ownerId());
        runs = new RunControl(engine);
        if (plugins.actions().find("flow.start").isEmpty()) {
            plugins.actions().register(new solo.orchestration.runtime.FlowStartAction(engine));
        }
        InboxItems items = new InboxItems(store, clock);
        engine.queue(items);
        inbox = new Inbox(store, runs, catalog.get(), plugins.actions(), items, new Playbooks(company.playbooksDir()),
                plugins.tasks(), plugins.notifier(), clock);
        kpis = new Kpis(store.storage(), plugins.usage(), clock);
        digest = new Digest(store, inbox, plugins.usage(), plugins.notifier(), digestSettings,
                ZoneId.of(company.config().timezone()), company.config().name(), clock);
        worker = new Worker(engine);
        cron = new CronTriggers(store.storage(), catalog.get(), runs);
        entityTriggers = new EntityTriggers(store, catalog.get(), runs);
        inboundTriggers = new InboundTriggers(catalog.get(), runs);
    }

    private static String ownerId() {
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return "worker-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random);
    }

    public FlowCatalog flows() {
        return engine.catalog();
    }

    public RunControl runs() {
        return runs;
    }

    public Worker worker() {
        return worker;
    }

    /** The operator's queue: gates, escalations, tasks, failures with their playbooks; the decisions. */
    public Inbox inbox() {
        return inbox;
    }

    /** Runs, cycle times, failure and intervention rates, cost, per flow, over a window. */
    public Kpis kpis() {
        return kpis;
    }

    /** The daily digest (written by {@link #start}ed runtimes once a day). */
    public Digest digest() {
        return digest;
    }

    public StepKinds kinds() {
        return kinds;
    }

    public CronTriggers cron() {
        return cron;
    }

    public EntityTriggers entityTriggers() {
        return entityTriggers;
    }

    /** Webhook and email triggers: called by the webhook and email listeners, in their transactions. */
    public InboundTriggers inboundTriggers() {
        return inboundTriggers;
    }

    /** Mean number of step checkpoints that shared one batch (for benchmarks). */
    public double meanCheckpointBatch() {
        return engine.meanCheckpointBatch();
    }

    /** The runtime's clock (a test's fixed one, or the system's). */
    public java.time.Instant clockNow() {
        return engine.clockNow();
    }

    public String workerId() {
        return engine.owner();
    }

    /** Starts the worker and the triggers; they run until {@link #close}. */
    public synchronized void start() {
        if (triggers != null) {
            return;
        }
        adoptIdentity();
        entityTriggers.begin(); // entity events from this moment on start their flows, even before the first poll
        worker.start();
        triggers = Thread.ofVirtual().name("solo-triggers").start(this::triggerLoop);
    }

    /**
     * The first {@code solo up} of a company on this machine holds {@code .solo/up.lock} and works under the
     * identity kept in {@code .solo/worker-id}, so that after a crash it resumes its runs at once instead of
     * waiting for their leases to expire. Another process on the same folder works as an extra worker.
     */
    private void adoptIdentity() {
        try {
            Files.createDirectories(dataDir);
            var channel = FileChannel.open(dataDir.resolve("up.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                return;
            }
            lockFile = channel;
            Path idFile = dataDir.resolve("worker-id");
            String id = Files.exists(idFile) ? Files.readString(idFile).trim() : "";
            if (id.isEmpty()) {
                id = "up-" + InetAddress.getLocalHost().getHostName() + "-" + ownerId().substring(7);
                Files.writeString(idFile, id + "\n");
            }
            int resumed = engine.adoptIdentity(id);
            if (resumed > 0) {
                LOG.info("resuming {} runs this worker held when it stopped", resumed);
            }
        } catch (IOException | OverlappingFileLockException e) {
            LOG.debug("working under a fresh identity: {}", e.toString());
        }
    }

    private void triggerLoop() {
        try {
            int backfilled = inbox.backfill(); // off the path to the first resumed step
            if (backfilled > 0) {
                LOG.info("{} steps waiting for the operator were added to the inbox", backfilled);
            }
        } catch (RuntimeException e) {
            LOG.warn("inbox backfill failed: {}", e.toString());
        }
        while (!Thread.currentThread().isInterrupted()) {
            try {
                int started = cron.tick(engine.clockNow()) + entityTriggers.poll() + inbox.sweep();
                if (started > 0) {
                    worker.signal();
                }
                digest.tick();
            } catch (RuntimeException e) {
                LOG.warn("triggers failed: {}", e.toString());
            }
            try {
                Thread.sleep(Math.min(1000, engine.settings().poll().toMillis() * 4));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (triggers != null) {
            triggers.interrupt();
        }
        worker.close();
        if (lockFile != null) {
            try {
                lockFile.close();
            } catch (IOException e) {
                LOG.debug("closing the lock file: {}", e.toString());
            }
        }
    }
}
