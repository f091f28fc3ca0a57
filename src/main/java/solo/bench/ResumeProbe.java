package solo.bench;

import java.nio.file.Path;
import solo.app.Solo;
import solo.company.Company;

/**
 * The process {@code solo bench engine} starts to time a restart: it opens the company, starts the
 * runtime as {@code solo up} does, prints {@code first-step} when the first resumed step runs, and exits.
 */
public final class ResumeProbe {
    private ResumeProbe() {}

    public static void main(String[] args) throws InterruptedException {
        String url = args.length > 1 ? args[1] : null;
        Solo solo = Solo.builder(Company.open(Path.of(args[0]))).withDatabaseUrl(url).withAgentFunction("bench", c -> {
            System.out.println("first-step");
            System.out.flush();
            Runtime.getRuntime().halt(0);
            return null;
        }).open();
        solo.orchestrator().start();
        Thread.sleep(60_000); // the worker's threads are daemons: keep the process alive until the first step
        System.exit(1);
    }
}
