package solo.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import solo.memory.Memory;

/**
 * What {@code solo up} does for memory in the background, about once a second: the index follows the event
 * log, summaries are refreshed after significant events, and ended runs have their working memory dealt with.
 * Failures are logged and tried again on the next round; all three resume from their cursors after a crash.
 */
final class MemoryMaintenance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MemoryMaintenance.class);
    private final Memory memory;
    private final RunEndWatcher runs;
    private Thread loop;
    /**
     * Stops the loop between rounds. Never {@code Thread.interrupt()} it: an interrupt that lands while Lucene
     * touches a file channel (a commit checks its lock file) closes that channel, and with it the index's lock.
     */
    private final java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);

    MemoryMaintenance(Memory memory, RunEndWatcher runs) {
        this.memory = memory;
        this.runs = runs;
    }

    synchronized void start() {
        if (loop != null) {
            return;
        }
        runs.begin(); // from now on, before any run this process drives can end
        loop = Thread.ofVirtual().name("memory-maintenance").start(() -> {
            try {
                do {
                    round();
                } while (!stop.await(1, java.util.concurrent.TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /** One round: index, ended runs, summaries. */
    void round() {
        try {
            memory.catchUp(m -> { });
            runs.poll();
            memory.summaries().poll();
        } catch (RuntimeException e) {
            LOG.warn("memory maintenance failed (will try again): {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        stop.countDown();
        if (loop != null) {
            try {
                loop.join(30_000); // a round in progress finishes (a catch-up commits what it indexed)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
