package solo;

import solo.interfaces.cli.Cli;

/** Entry point of the {@code solo} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // java.util.logging (Lucene, ONNX Runtime) goes to Solo's log like everything else, not to the terminal
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
        System.exit(Cli.run(args));
    }
}
