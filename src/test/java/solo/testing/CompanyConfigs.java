package solo.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import solo.company.Company;

/** Adds sections to a test company's solo.yaml, as an operator would edit it, and opens it again. */
public final class CompanyConfigs {
    private CompanyConfigs() {}

    public static Company append(Path companyDir, String yaml) {
        try {
            Path file = companyDir.resolve(Company.CONFIG_FILE);
            Files.writeString(file, Files.readString(file) + "\n" + yaml.stripIndent() + "\n");
            return Company.open(companyDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
