package solo.interfaces.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyTemplate;
import solo.interfaces.http.auth.AccessTokens;

/** {@code solo init DIR}: a new company folder with the standard entity types. */
@Command(name = "init", description = "Create a company folder: solo.yaml, schema/, flows/, agents/, policies/, playbooks/.")
final class InitCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The folder to create (must be new or empty).")
    Path dir;

    @Option(names = "--name", description = "The company's name (default: the folder's name).")
    String name;

    static final String WEBFORM_SECRET = "WEBFORM_HOOK_SECRET";

    private static String webformSecret() {
        byte[] b = new byte[24];
        new java.security.SecureRandom().nextBytes(b);
        return java.util.HexFormat.of().formatHex(b);
    }

    @Override
    public void run() {
        String companyName = name != null ? name : dir.toAbsolutePath().normalize().getFileName().toString();
        Company company = CompanyTemplate.init(dir, companyName);
        // Opening once creates the database (or migrates the configured one) and proves the schema loads.
        try (Solo solo = Solo.open(company)) {
            solo.store().schema().checkAll();
            Printer out = new Printer(spec, null);
            out.line("Created company '%s' in %s", companyName, company.dir());
            out.line("  entity types: %s", String.join(", ", solo.store().schema().types().keySet()));
            out.line("  data: %s", company.databaseUrl().isBlank() ? company.sqliteFile() : "the configured database");
            String token = new AccessTokens(solo.store().storage(), java.time.Clock.systemUTC()).replace();
            out.line("  access token (shown only now; `solo token new` replaces it): %s", token);
            String webform = webformSecret();
            solo.secrets().set(WEBFORM_SECRET, webform);
            out.line("  web form secret, to sign POST /hooks/webform (shown only now; `solo secret set %s` replaces it): %s",
                    WEBFORM_SECRET, webform);
            out.line("Next: cd %s && solo entity add lead --set name='Ada Lovelace' --set email=ada@example.com", dir);
        }
    }
}
