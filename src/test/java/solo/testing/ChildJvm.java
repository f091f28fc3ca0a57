package solo.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM running a main class from the test classpath, for crash tests: its stdout lines are
 * collected as they come, and {@link #kill()} sends SIGKILL (no shutdown hooks, no flushing: a crash).
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = java.util.Collections.synchronizedList(new ArrayList<>());

    private ChildJvm(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    all.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process died: that is the point of a crash test
            }
        });
    }

    /** Starts {@code java -cp <test classpath> mainClass args...}; stderr goes to {@code errFile}. */
    public static ChildJvm start(Class<?> mainClass, Path errFile, String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(errFile.toFile())).start();
        return new ChildJvm(p);
    }

    /** Waits for the next line the child prints, or null after the timeout. */
    public String nextLine(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every line printed so far. */
    public List<String> lines() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM (what Ctrl-C or a service manager sends): shutdown hooks run. */
    public void terminate() {
        process.destroy();
    }

    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("child did not finish in " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
