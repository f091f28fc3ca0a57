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
            Files.writeString(file, merge(Files.readString(file), yaml.stripIndent()));
            return Company.open(companyDir);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * solo.yaml with {@code addition}'s top-level sections in place of its own of the same name (the template
     * declares hooks:, a test may declare its own), the others kept.
     */
    public static String merge(String existing, String addition) {
        java.util.Set<String> replaced = new java.util.HashSet<>();
        for (String line : addition.split("\n")) {
            java.util.regex.Matcher m = TOP.matcher(line);
            if (m.find()) {
                replaced.add(m.group(1));
            }
        }
        StringBuilder kept = new StringBuilder();
        boolean skipping = false;
        for (String line : existing.split("\n", -1)) {
            java.util.regex.Matcher m = TOP.matcher(line);
            if (m.find()) {
                skipping = replaced.contains(m.group(1));
            } else if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0)) && !line.startsWith("#")) {
                skipping = false;
            }
            if (!skipping) {
                kept.append(line).append('\n');
            }
        }
        return kept + "\n" + addition + "\n";
    }

    private static final java.util.regex.Pattern TOP = java.util.regex.Pattern.compile("^([A-Za-z_][A-Za-z0-9_.]*):");
}
