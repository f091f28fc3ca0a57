package solo.interfaces.cli;

import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyLocator;

/**
 * Gives a command the global options ({@code --company}, {@code --json}), which picocli keeps on the
 * top-level command wherever on the line they were given. Mixed into every command that needs them.
 */
@picocli.CommandLine.Command
public final class CommonOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private SoloCommand root() {
        CommandSpec s = mixee;
        while (s.parent() != null) {
            s = s.parent();
        }
        return (SoloCommand) s.userObject();
    }

    boolean json() {
        return root().json;
    }

    Company company() {
        Path explicit = root().company;
        return CompanyLocator.locate(explicit, Path.of(System.getProperty("user.dir")));
    }

    Solo open() {
        return Solo.open(company());
    }
}
