package solo.interfaces.cli;

import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.http.auth.AccessTokens;
import solo.support.Json;

/** {@code solo token new}: replaces the access token of the API, the cockpit and /metrics. */
@Command(name = "token", description = "The access token of the HTTP API, the cockpit and /metrics.",
        subcommands = TokenCommand.New.class)
final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "new", description = "Make a new access token, shown once; the old one stops working at once.")
    static final class New implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        CommonOptions common;

        @Override
        public void run() {
            try (Solo solo = common.open()) {
                String token = new AccessTokens(solo.store().storage(), Clock.systemUTC()).replace();
                Printer out = new Printer(spec, common);
                if (out.json()) {
                    out.json(Json.object().put("token", token));
                } else {
                    out.line("New access token (shown only now; keep it in your password manager):");
                    out.line("  %s", token);
                    out.line("The old token no longer works; sessions opened with it are closed.");
                }
            }
        }
    }
}
