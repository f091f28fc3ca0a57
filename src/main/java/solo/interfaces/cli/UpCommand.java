package solo.interfaces.cli;

import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import solo.app.Solo;

/**
 * {@code solo up}: runs the company in the foreground (the runtime's worker, cron schedules, entity-event
 * triggers, durable waits) until Ctrl-C or SIGTERM, then closes cleanly: runs stop at a step boundary
 * and go back to the queue for the next start.
 */
@Command(name = "up", description = "Run the company in the foreground: flows, schedules, triggers. Ctrl-C stops it cleanly.")
final class UpCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        Solo solo = common.open();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            try {
                solo.close();
            } finally {
                stopped.countDown();
            }
        }, "solo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // an invalid flow does not stop the others: say what is wrong with it, then run the rest
        solo.orchestrator().flows().validate().forEach(p -> spec.commandLine().getErr().println("solo: warning: " + p));
        solo.orchestrator().start();
        Printer out = new Printer(spec, common);
        out.line("solo up: %s on %s (%s), worker %s; flows: %s. Ctrl-C to stop.", solo.company().config().name(),
                solo.company().dir(), solo.store().storage().kind(), solo.orchestrator().workerId(),
                String.join(", ", solo.orchestrator().flows().names()));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
