package solo.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import solo.company.Company;
import solo.state.schema.CompanySchema;
import solo.testing.TestCompany;

/** Writes definition files into a test company and reads the execution layer's definitions, as Solo.open does. */
public final class Definitions {
    private Definitions() {}

    public static void write(TestCompany company, String relative, String text) {
        Path file = company.dir().resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.stripIndent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void appendConfig(TestCompany company, String yaml) {
        Path file = company.dir().resolve(Company.CONFIG_FILE);
        try {
            Files.writeString(file, solo.testing.CompanyConfigs.merge(Files.readString(file), yaml.stripIndent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ExecutionConfig load(TestCompany company) {
        Company c = Company.open(company.dir());
        return ExecutionConfig.load(c, CompanySchema.load(c.schemaDir()));
    }
}
