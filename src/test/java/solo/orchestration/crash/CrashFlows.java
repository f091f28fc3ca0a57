package solo.orchestration.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import solo.app.Solo;
import solo.company.Company;
import solo.orchestration.runtime.RunStatus;
import solo.support.Json;

/**
 * The child process of {@link RuntimeCrashTest}: on first start it queues the runs, then it works
 * through them with the worker (resuming whatever a killed predecessor left) and prints
 * {@code completed N} as it goes, and {@code all-done} when every run has completed.
 * Every step execution is appended to {@code executions.log} as {@code RUN STEP MILLIS}.
 */
public final class CrashFlows {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path executions = dir.resolve("executions.log");
        Solo solo = Solo.builder(Company.open(dir))
                .withAction(new FileLedger(dir.resolve("ledger.log")))
                .withAgentFunction("tick", c -> {
                    log(executions, c.runId() + " " + c.stepId() + " " + System.currentTimeMillis());
                    Thread.sleep(ThreadLocalRandom.current().nextInt(5, 15));
                    return Json.object().put("step", c.stepId());
                })
                .open();
        var o = solo.orchestrator();
        if (o.runs().list(null, null, 1).isEmpty()) {
            for (int i = 0; i < runs; i++) {
                o.runs().start("ledgered", Json.object().put("n", i), null);
            }
        }
        o.start();
        System.out.println("ready");
        while (true) {
            int done = o.runs().list(null, RunStatus.COMPLETED, runs + 1).size();
            System.out.println("completed " + done);
            if (done == runs) {
                System.out.println("all-done");
                solo.close();
                System.exit(0);
            }
            Thread.sleep(50);
        }
    }

    static synchronized void log(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
