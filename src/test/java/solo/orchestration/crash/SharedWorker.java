package solo.orchestration.crash;

import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import solo.app.Solo;
import solo.company.Company;
import solo.support.Json;

/**
 * The child process of {@link TwoWorkersTest}: one worker on the shared PostgreSQL. Each step it runs
 * is appended to {@code executions-NAME.log} as {@code RUN STEP MILLIS}; it runs until killed.
 */
public final class SharedWorker {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String name = args[1];
        Path executions = dir.resolve("executions-" + name + ".log");
        Solo solo = Solo.builder(Company.open(dir))
                .withAgentFunction("tick", c -> {
                    CrashFlows.log(executions, c.runId() + " " + c.stepId() + " " + System.currentTimeMillis());
                    Thread.sleep(ThreadLocalRandom.current().nextInt(2, 6));
                    return Json.object().put("by", name);
                })
                .open();
        solo.orchestrator().start();
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }
}
