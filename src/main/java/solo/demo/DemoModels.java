package solo.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import solo.support.SoloException;
import solo.support.yaml.YamlDocument;

/**
 * The model sections {@code solo demo --models FILE} adds to the demo company's solo.yaml: {@code models},
 * {@code tiers}, {@code prices}, {@code budgets}. Checked here, so that a typo is one line naming the file.
 */
public final class DemoModels {
    static final Set<String> SECTIONS = Set.of("models", "tiers", "prices", "budgets");

    private DemoModels() {}

    /** The file's text, once it is known to hold only those sections. */
    public static String read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new SoloException("--models " + file + ": cannot read it (" + e.getMessage() + ")");
        }
        YamlDocument doc = YamlDocument.parse(file, text);
        if (!doc.root().isObject() || !doc.root().has("tiers")) {
            throw new SoloException("--models " + file + ": needs a tiers: section mapping fast, standard and premium to models");
        }
        Set<String> unknown = new TreeSet<>();
        doc.root().propertyNames().forEach(k -> {
            if (!SECTIONS.contains(k)) {
                unknown.add(k);
            }
        });
        if (!unknown.isEmpty()) {
            throw new SoloException(doc.describe("/" + unknown.iterator().next()) + ": --models takes only "
                    + String.join(", ", new TreeSet<>(SECTIONS)) + " sections");
        }
        return text;
    }
}
