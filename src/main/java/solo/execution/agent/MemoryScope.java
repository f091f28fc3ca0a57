package solo.execution.agent;

import java.util.Locale;

/** How far an agent's reads reach: nothing, the step's subject entity, it and its neighbours, the whole company. */
public enum MemoryScope {
    NONE, ENTITY, NEIGHBOURS, COMPANY;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MemoryScope parse(String text) {
        for (MemoryScope s : values()) {
            if (s.text().equals(text)) {
                return s;
            }
        }
        return null;
    }
}
