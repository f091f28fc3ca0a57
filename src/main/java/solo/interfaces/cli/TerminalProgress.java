package solo.interfaces.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;

/** Progress of long work on stderr, only when stderr is a terminal (so pipes and CI stay quiet). */
final class TerminalProgress implements Consumer<String> {
    private final PrintWriter err;
    private final boolean terminal = System.console() != null;

    TerminalProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void accept(String message) {
        if (terminal) {
            err.println("… " + message);
            err.flush();
        }
    }
}
