package solo.memory.time;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in English text. Questions name absolute dates ("in May 2022", "on 1 February, 2023",
 * "the second week of November"); notes and messages also say "yesterday", "last Friday" or "two
 * weeks ago", which only mean something against the time they were written. Memory uses both to
 * match a question's dates with what happened then. Deliberately small: a handful of regular
 * expressions, not a general date parser.
 */
public final class TimeExpressions {
    private static final String MONTH = "(January|February|March|April|May|June|July|August|September|October"
            + "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    private static final String DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
    private static final String YEAR = "((?:19|20)\\d\\d)";
    private static final Pattern ISO = Pattern.compile("\\b" + YEAR + "-(\\d\\d)-(\\d\\d)\\b");
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + ",?\\s+" + YEAR + "\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + ",?\\s+" + YEAR + "\\b");
    private static final Pattern WEEK_OF = Pattern.compile(
            "\\b(first|second|third|fourth|last|1st|2nd|3rd|4th)\\s+week\\s+of\\s+" + MONTH + "(?:,?\\s+" + YEAR + ")?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PART_OF = Pattern.compile(
            "\\b(early|mid|late|beginning of|start of|end of|middle of)[\\s-]+" + MONTH + "(?:,?\\s+" + YEAR + ")?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + ",?\\s+(?:of\\s+)?" + YEAR + "\\b");
    private static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTH + "\\s+" + DAY + "\\b(?!,?\\s*\\d)");
    private static final Pattern DAY_MONTH = Pattern.compile("\\b" + DAY + "\\s+(?:of\\s+)?" + MONTH + "\\b");
    private static final Pattern MONTH_ALONE = Pattern.compile("\\b(?:in|of|during|since|until|before|after|by)\\s+"
            + MONTH + "\\b");
    private static final Pattern YEAR_ALONE = Pattern.compile("\\b(?:in|of|during|since|until|before|after|by)\\s+" + YEAR + "\\b");

    private static final Pattern BETWEEN = Pattern.compile(
            "\\b(?:between|from)\\s+(.{3,40}?)\\s+(?:and|to|until|-)\\s+(.{3,40}?)(?=[?.,!;]|$)");
    private static final Pattern ORDINAL_DAY = Pattern.compile(
            "\\b(?:on|by|until|since)\\s+the\\s+(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?" + MONTH + ")");
    private static final Pattern AGO = Pattern.compile(
            "\\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple of|couple of|few|\\d+)\\s+"
                    + "(day|week|month|year)s?\\s+ago\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_WEEKDAY = Pattern.compile(
            "\\b(last|this past|on)\\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE = Pattern.compile(
            "\\b(yesterday|today|tonight|tomorrow|last night|this morning|last weekend|this weekend|next weekend"
                    + "|last week|next week|last month|next month|last year|next year|this week|this month)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(
            Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("a few", 3),
            Map.entry("few", 3), Map.entry("a couple of", 2), Map.entry("couple of", 2));

    private TimeExpressions() {}

    /** Absolute dates named in a question. A year-less date matches that day or month in any year. */
    public static List<DateRange> inQuery(String text) {
        return absolute(new StringBuilder(text), null);
    }

    /**
     * Days a text written on {@code written} talks about: absolute dates (a missing year is the
     * writing year) and relative ones resolved against the writing day.
     */
    public static List<DateRange> mentionedIn(String text, LocalDate written) {
        StringBuilder masked = new StringBuilder(text);
        List<DateRange> out = absolute(masked, written);
        out.addAll(relative(masked.toString(), written));
        return out;
    }

    private static List<DateRange> absolute(StringBuilder text, LocalDate written) {
        List<DateRange> out = new ArrayList<>();
        scan(text, BETWEEN, m -> between(m.group(1), m.group(2), written), out);
        out.addAll(singles(text, written));
        return out;
    }

    /** "between August 11 and August 15 2023": one range from the start of one side to the end of the other. */
    private static DateRange between(String left, String right, LocalDate written) {
        List<DateRange> a = singles(new StringBuilder(left), written);
        List<DateRange> b = singles(new StringBuilder(right), written);
        if (a.size() != 1 || b.size() != 1) {
            return null;
        }
        DateRange from = a.getFirst();
        DateRange to = b.getFirst();
        if (from.anyYear() && !to.anyYear()) {
            from = new DateRange(from.from().withYear(to.to().getYear()), from.to().withYear(to.to().getYear()), false);
        } else if (!from.anyYear() && to.anyYear()) {
            to = new DateRange(to.from().withYear(from.from().getYear()), to.to().withYear(from.from().getYear()), false);
        }
        if (to.to().isBefore(from.from())) {
            return null;
        }
        return new DateRange(from.from(), to.to(), from.anyYear() && to.anyYear());
    }

    private static List<DateRange> singles(StringBuilder text, LocalDate written) {
        List<DateRange> out = new ArrayList<>();
        Integer defaultYear = written == null ? null : written.getYear();
        scan(text, ISO, m -> day(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), out);
        scan(text, MONTH_DAY_YEAR, m -> day(year(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2))), out);
        scan(text, DAY_MONTH_YEAR, m -> day(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))), out);
        scan(text, WEEK_OF, m -> week(m.group(1), month(m.group(2)), yearOr(m.group(3), defaultYear)), out);
        scan(text, PART_OF, m -> part(m.group(1), month(m.group(2)), yearOr(m.group(3), defaultYear)), out);
        scan(text, MONTH_YEAR, m -> monthRange(YearMonth.of(year(m.group(2)), month(m.group(1))), false), out);
        scan(text, MONTH_DAY, m -> dayNoYear(month(m.group(1)), Integer.parseInt(m.group(2)), defaultYear), out);
        scan(text, DAY_MONTH, m -> dayNoYear(month(m.group(2)), Integer.parseInt(m.group(1)), defaultYear), out);
        scan(text, MONTH_ALONE, m -> monthRange(YearMonth.of(defaultYear == null ? 2000 : defaultYear,
                month(m.group(1))), defaultYear == null), out);
        scan(text, YEAR_ALONE, m -> new DateRange(LocalDate.of(year(m.group(1)), 1, 1),
                LocalDate.of(year(m.group(1)), 12, 31), false), out);
        return out;
    }

    private static List<DateRange> relative(String text, LocalDate w) {
        List<DateRange> out = new ArrayList<>();
        Matcher day = ORDINAL_DAY.matcher(text);
        while (day.find()) {
            LocalDate d = nearestDayOfMonth(w, Integer.parseInt(day.group(1)));
            if (d != null) {
                out.add(DateRange.day(d));
            }
        }
        Matcher m = AGO.matcher(text);
        while (m.find()) {
            Integer n = NUMBERS.get(m.group(1).toLowerCase(Locale.ROOT));
            int k = n != null ? n : Integer.parseInt(m.group(1));
            LocalDate d = switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "day" -> w.minusDays(k);
                case "week" -> w.minusWeeks(k);
                case "month" -> w.minusMonths(k);
                default -> w.minusYears(k);
            };
            out.add(DateRange.day(d));
        }
        m = LAST_WEEKDAY.matcher(text);
        while (m.find()) {
            DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
            out.add(DateRange.day(w.with(TemporalAdjusters.previous(dow))));
        }
        m = RELATIVE.matcher(text);
        while (m.find()) {
            out.add(relativeWord(m.group(1).toLowerCase(Locale.ROOT), w));
        }
        return out;
    }

    /** "on the 15th": that day in the writing month, the one before or the one after, whichever is nearest. */
    private static LocalDate nearestDayOfMonth(LocalDate w, int day) {
        LocalDate best = null;
        for (int shift = -1; shift <= 1; shift++) {
            YearMonth ym = YearMonth.from(w).plusMonths(shift);
            if (day >= 1 && day <= ym.lengthOfMonth()) {
                LocalDate d = ym.atDay(day);
                if (best == null || Math.abs(d.toEpochDay() - w.toEpochDay()) < Math.abs(best.toEpochDay() - w.toEpochDay())) {
                    best = d;
                }
            }
        }
        return best;
    }

    private static DateRange relativeWord(String word, LocalDate w) {
        return switch (word) {
            case "yesterday", "last night" -> DateRange.day(w.minusDays(1));
            case "tomorrow" -> DateRange.day(w.plusDays(1));
            case "last weekend" -> span(w.with(TemporalAdjusters.previous(DayOfWeek.SATURDAY)), 1);
            case "this weekend", "next weekend" -> span(w.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)), 1);
            case "last week" -> span(w.minusWeeks(1).with(DayOfWeek.MONDAY), 6);
            case "this week" -> span(w.with(DayOfWeek.MONDAY), 6);
            case "next week" -> span(w.plusWeeks(1).with(DayOfWeek.MONDAY), 6);
            case "last month" -> monthRange(YearMonth.from(w).minusMonths(1), false);
            case "this month" -> monthRange(YearMonth.from(w), false);
            case "next month" -> monthRange(YearMonth.from(w).plusMonths(1), false);
            case "last year" -> new DateRange(LocalDate.of(w.getYear() - 1, 1, 1), LocalDate.of(w.getYear() - 1, 12, 31), false);
            case "next year" -> new DateRange(LocalDate.of(w.getYear() + 1, 1, 1), LocalDate.of(w.getYear() + 1, 12, 31), false);
            default -> DateRange.day(w); // today, tonight, this morning
        };
    }

    /** Runs a pattern, adds what it yields, and blanks the matched text so later patterns skip it. */
    private static void scan(StringBuilder text, Pattern p, java.util.function.Function<Matcher, DateRange> f,
            List<DateRange> out) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            try {
                DateRange r = f.apply(m);
                if (r != null) {
                    out.add(r);
                    spans.add(new int[] {m.start(), m.end()});
                }
            } catch (DateTimeException | NullPointerException e) {
                // "February 30" or a year-less pattern with no year to assume: not a date we can use
            }
        }
        for (int[] s : spans) {
            for (int i = s[0]; i < s[1]; i++) {
                text.setCharAt(i, ' ');
            }
        }
    }

    private static DateRange day(int y, int m, int d) {
        return DateRange.day(LocalDate.of(y, m, d));
    }

    private static DateRange dayNoYear(int month, int day, Integer year) {
        LocalDate d = LocalDate.of(year == null ? 2000 : year, month, day); // 2000 is a leap year: Feb 29 parses
        return new DateRange(d, d, year == null);
    }

    private static DateRange monthRange(YearMonth ym, boolean anyYear) {
        return new DateRange(ym.atDay(1), ym.atEndOfMonth(), anyYear);
    }

    private static DateRange week(String which, int month, Integer year) {
        YearMonth ym = YearMonth.of(year == null ? 2000 : year, month);
        int start = switch (which.toLowerCase(Locale.ROOT)) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 8;
            case "third", "3rd" -> 15;
            case "fourth", "4th" -> 22;
            default -> ym.lengthOfMonth() - 6;
        };
        return new DateRange(ym.atDay(start), ym.atDay(start + 6), year == null);
    }

    private static DateRange part(String which, int month, Integer year) {
        YearMonth ym = YearMonth.of(year == null ? 2000 : year, month);
        String w = which.toLowerCase(Locale.ROOT);
        int len = ym.lengthOfMonth();
        int[] days = w.startsWith("early") || w.startsWith("beginning") || w.startsWith("start") ? new int[] {1, 10}
                : w.startsWith("mid") || w.startsWith("middle") ? new int[] {10, 20}
                : new int[] {20, len};
        return new DateRange(ym.atDay(days[0]), ym.atDay(days[1]), year == null);
    }

    private static DateRange span(LocalDate from, int extraDays) {
        return new DateRange(from, from.plusDays(extraDays), false);
    }

    private static int year(String s) {
        return Integer.parseInt(s);
    }

    private static Integer yearOr(String s, Integer fallback) {
        return s == null ? fallback : Integer.valueOf(s);
    }

    private static int month(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace(".", "");
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(n.length() >= 3 ? n.substring(0, 3) : n)) {
                return m.getValue();
            }
        }
        throw new DateTimeException("not a month: " + name);
    }
}
