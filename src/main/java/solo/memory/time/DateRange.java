package solo.memory.time;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A span of days, inclusive. {@code anyYear} ranges come from dates named without a year ("in June")
 * and match the same days in every year.
 */
public record DateRange(LocalDate from, LocalDate to, boolean anyYear) {
    public DateRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts: " + from + ".." + to);
        }
    }

    public static DateRange day(LocalDate d) {
        return new DateRange(d, d, false);
    }

    /** Packs a fixed-year range into one long (first epoch day, length) for doc values. */
    public long encode() {
        return from.toEpochDay() * 100_000 + Math.min(99_999, to.toEpochDay() - from.toEpochDay());
    }

    public static DateRange decode(long v) {
        long first = Math.floorDiv(v, 100_000);
        return new DateRange(LocalDate.ofEpochDay(first), LocalDate.ofEpochDay(first + Math.floorMod(v, 100_000)), false);
    }

    public boolean contains(LocalDate d) {
        if (!anyYear) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
        MonthDay md = MonthDay.from(d);
        MonthDay a = MonthDay.from(from);
        MonthDay b = MonthDay.from(to);
        return a.compareTo(b) <= 0
                ? md.compareTo(a) >= 0 && md.compareTo(b) <= 0
                : md.compareTo(a) >= 0 || md.compareTo(b) <= 0; // wraps over New Year
    }

    /** True when any day of {@code other} (a fixed-year range) falls in this one. */
    public boolean overlaps(DateRange other) {
        if (!anyYear && !other.anyYear) {
            return !other.to.isBefore(from) && !other.from.isAfter(to);
        }
        for (LocalDate d = other.from; !d.isAfter(other.to); d = d.plusDays(1)) {
            if (contains(d)) {
                return true;
            }
            if (d.isAfter(other.from.plusDays(400))) {
                return false; // long ranges: a year's worth of days covers every anyYear case
            }
        }
        return false;
    }
}
