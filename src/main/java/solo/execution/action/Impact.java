package solo.execution.action;

import java.util.Locale;

/** What an action puts at stake: the business impact that decides how sure Solo must be to act alone. */
public enum Impact {
    /** Money moves or is promised (an invoice, an offer, a discount). */
    MONEY,
    /** A customer or lead will see it (an email, a published post). */
    CUSTOMER_VISIBLE,
    /** It cannot be taken back (a sent email, a webhook to another system). */
    IRREVERSIBLE;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Impact parse(String text) {
        for (Impact i : values()) {
            if (i.text().equals(text)) {
                return i;
            }
        }
        return null;
    }
}
