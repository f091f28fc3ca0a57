package solo.execution.ledger;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts in millionths of the price table's currency ("micros"): sums of many tiny call costs stay
 * exact in a BIGINT column on both databases, where floating point would drift.
 */
public final class Money {
    private Money() {}

    public static long micros(double amount) {
        return Math.round(amount * 1_000_000d);
    }

    public static double amount(long micros) {
        return micros / 1_000_000d;
    }

    /** "0.0042" — trailing zeros trimmed, at most six decimals. */
    public static String format(long micros) {
        return BigDecimal.valueOf(micros, 6).setScale(6, RoundingMode.UNNECESSARY).stripTrailingZeros().toPlainString();
    }
}
