package solo.execution.model;

import java.util.Locale;

/** How capable (and costly) a model an agent needs: background work, ordinary work, customer-facing work. */
public enum Tier {
    FAST, STANDARD, PREMIUM;

    public static Tier parse(String text) {
        for (Tier t : values()) {
            if (t.text().equals(text)) {
                return t;
            }
        }
        return null;
    }

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }
}
