package solo.interfaces.cli;

import java.io.PrintStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import solo.app.Solo;
import solo.interfaces.mcp.SoloMcp;

/**
 * {@code solo mcp}: the MCP server on stdin/stdout, for a desktop AI assistant that starts it as a child
 * process (Claude Desktop and the like). Standard output is the protocol's alone: everything else Solo
 * might print goes to standard error, and logs to the log file. It ends when the assistant closes stdin.
 */
@Command(name = "mcp", description = "Serve the company to your AI assistant over MCP on stdin/stdout (for Claude Desktop"
        + " and other desktop assistants); ends when the assistant closes the connection.")
final class McpCommand implements Runnable {
    @Mixin
    CommonOptions common;

    @Option(names = "--with-runtime", description = "Also carry out runs here (worker, schedules, triggers), as solo up does;"
            + " without it, runs the assistant starts wait for solo up.")
    boolean withRuntime;

    @Override
    public void run() {
        PrintStream protocol = System.out;
        System.setOut(System.err); // a stray print must not corrupt the protocol
        try (Solo solo = common.open()) {
            if (withRuntime) {
                solo.orchestrator().start();
            }
            SoloMcp.serveStdio(solo, System.in, protocol);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
