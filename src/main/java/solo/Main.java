package solo;

import solo.interfaces.cli.Cli;

/** Entry point of the {@code solo} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(Cli.run(args));
    }
}
