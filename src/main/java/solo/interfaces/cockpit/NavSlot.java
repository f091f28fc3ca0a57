package solo.interfaces.cockpit;

/**
 * The places in the cockpit's navigation, in the order they are shown. Inbox, Search and KPIs are kept for
 * the modules that bring them: such a module calls {@code cockpit.nav(NavSlot.INBOX, "/inbox")} and its
 * link appears between Today and Runs. A slot nobody fills is not shown.
 *
 * @param key the access key (Alt+Shift+key in most browsers) and the {@code g KEY} shortcut
 */
public enum NavSlot {
    TODAY("Today", "t"),
    INBOX("Inbox", "i"),
    RUNS("Runs", "r"),
    FLOWS("Flows", "f"),
    ENTITIES("Entities", "e"),
    SEARCH("Search", "s"),
    KPIS("KPIs", "k"),
    AUDIT("Audit", "a");

    private final String label;
    private final String key;

    NavSlot(String label, String key) {
        this.label = label;
        this.key = key;
    }

    public String label() {
        return label;
    }

    public String key() {
        return key;
    }
}
