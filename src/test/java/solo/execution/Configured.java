package solo.execution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import solo.app.Solo;
import solo.company.Company;
import solo.testing.TestCompany;

/** Opens Solo on a test company after adding sections to its solo.yaml (models pointing at a scripted server). */
public final class Configured {
    private Configured() {}

    public static Solo open(TestCompany company, String extraYaml) {
        return open(company, extraYaml, Map.of("TEST_API_KEY", "sk-test-secret"));
    }

    public static Solo open(TestCompany company, String extraYaml, Map<String, String> env) {
        Path config = company.dir().resolve(Company.CONFIG_FILE);
        try {
            Files.writeString(config, solo.testing.CompanyConfigs.merge(Files.readString(config), extraYaml.stripIndent()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Solo.builder(Company.open(company.dir())).withDatabaseUrl(company.databaseUrl())
                .withEnvironment(env).open();
    }

    /**
     * models and tiers: standard and premium on an OpenAI-compatible server, fast left to the operator.
     * {@code providerExtra} holds "key: value" lines that add to or replace the provider's settings.
     */
    public static String openAi(String baseUrl, String providerExtra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kind", "openai");
        settings.put("base_url", baseUrl);
        settings.put("api_key", "env:TEST_API_KEY");
        settings.put("timeout_seconds", "5");
        settings.put("max_retries", "2");
        settings.put("retry_base_ms", "10");
        settings.put("retry_max_ms", "50");
        providerExtra.lines().filter(l -> l.contains(":")).forEach(l -> {
            int colon = l.indexOf(':');
            settings.put(l.substring(0, colon).trim(), l.substring(colon + 1).trim());
        });
        StringBuilder yaml = new StringBuilder("models:\n  scripted:\n");
        settings.forEach((k, v) -> yaml.append("    ").append(k).append(": ").append(v).append('\n'));
        return yaml + """
                tiers:
                  standard: scripted/gpt-test
                  premium: scripted/gpt-test
                prices:
                  gpt-test: {input: 2.0, output: 8.0}
                """;
    }
}
