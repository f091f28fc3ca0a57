package solo.memory.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TimeExpressionsTest {
    private static DateRange range(String from, String to, boolean anyYear) {
        return new DateRange(LocalDate.parse(from), LocalDate.parse(to), anyYear);
    }

    @Test
    void findsAbsoluteDatesInQuestions() {
        assertThat(TimeExpressions.inQuery("What did we agree on October 13, 2023?"))
                .containsExactly(range("2023-10-13", "2023-10-13", false));
        assertThat(TimeExpressions.inQuery("What was sent on 1 February, 2023?"))
                .containsExactly(range("2023-02-01", "2023-02-01", false));
        assertThat(TimeExpressions.inQuery("Which invoices went out in November 2022?"))
                .containsExactly(range("2022-11-01", "2022-11-30", false));
        assertThat(TimeExpressions.inQuery("What happened in 2023?"))
                .containsExactly(range("2023-01-01", "2023-12-31", false));
        assertThat(TimeExpressions.inQuery("Anything due on 2024-02-29?"))
                .containsExactly(range("2024-02-29", "2024-02-29", false));
    }

    @Test
    void findsRangesBetweenTwoDates() {
        assertThat(TimeExpressions.inQuery("Where was John between August 11 and August 15 2023?"))
                .containsExactly(range("2023-08-11", "2023-08-15", false));
        assertThat(TimeExpressions.inQuery("What happened between May 2022 and July 2022?"))
                .containsExactly(range("2022-05-01", "2022-07-31", false));
        assertThat(TimeExpressions.inQuery("between you and me, what is it?")).isEmpty();
    }

    @Test
    void aDayOfMonthAloneIsTheNearestSuchDay() {
        assertThat(TimeExpressions.mentionedIn("I met the team on the 15th", LocalDate.parse("2023-08-17")))
                .containsExactly(range("2023-08-15", "2023-08-15", false));
        assertThat(TimeExpressions.mentionedIn("The demo is on the 2nd", LocalDate.parse("2023-08-29")))
                .containsExactly(range("2023-09-02", "2023-09-02", false));
    }

    @Test
    void aDateWithoutYearMatchesEveryYear() {
        DateRange june = TimeExpressions.inQuery("When did the team go camping in June?").getFirst();
        assertThat(june.anyYear()).isTrue();
        assertThat(june.contains(LocalDate.parse("2019-06-15"))).isTrue();
        assertThat(june.contains(LocalDate.parse("2023-07-01"))).isFalse();

        DateRange week = TimeExpressions.inQuery("Who visited in the second week of November?").getFirst();
        assertThat(week.contains(LocalDate.parse("2023-11-10"))).isTrue();
        assertThat(week.contains(LocalDate.parse("2023-11-16"))).isFalse();
    }

    @Test
    void ignoresWordsThatOnlyLookLikeMonths() {
        assertThat(TimeExpressions.inQuery("May I ask what the plan is?")).isEmpty();
        assertThat(TimeExpressions.inQuery("what did the client say")).isEmpty();
    }

    @Test
    void resolvesRelativeDatesAgainstTheWritingDay() {
        LocalDate thursday = LocalDate.parse("2023-11-16");
        assertThat(TimeExpressions.mentionedIn("I visited the castle last Friday", thursday))
                .containsExactly(range("2023-11-10", "2023-11-10", false));
        assertThat(TimeExpressions.mentionedIn("We met yesterday", thursday))
                .containsExactly(range("2023-11-15", "2023-11-15", false));
        assertThat(TimeExpressions.mentionedIn("It shipped two weeks ago", thursday))
                .containsExactly(range("2023-11-02", "2023-11-02", false));
        assertThat(TimeExpressions.mentionedIn("Let's talk next month", thursday))
                .containsExactly(range("2023-12-01", "2023-12-31", false));
        assertThat(TimeExpressions.mentionedIn("The call is on May 3", thursday))
                .containsExactly(range("2023-05-03", "2023-05-03", false));
    }

    @Test
    void rangesRoundTripThroughTheirEncoding() {
        DateRange r = range("2023-11-06", "2023-11-12", false);
        assertThat(DateRange.decode(r.encode())).isEqualTo(r);
    }

    @Test
    void anyYearRangesOverlapFixedRanges() {
        DateRange june = range("2000-06-01", "2000-06-30", true);
        assertThat(june.overlaps(range("2022-05-30", "2022-06-02", false))).isTrue();
        assertThat(june.overlaps(range("2022-07-01", "2022-07-31", false))).isFalse();
    }
}
