package solo.execution.policy;

import java.util.Locale;

/** What a matching rule does to an action. When several rules match, deny wins over approval, approval over allow. */
public enum Effect {
    DENY, REQUIRE_APPROVAL, ALLOW;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Effect parse(String text) {
        for (Effect e : values()) {
            if (e.text().equals(text)) {
                return e;
            }
        }
        return null;
    }
}
