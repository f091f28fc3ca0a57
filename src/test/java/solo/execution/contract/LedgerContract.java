package solo.execution.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.RunRef;
import solo.execution.budget.BudgetDecision;
import solo.execution.budget.BudgetLimits;
import solo.execution.budget.BudgetScope;
import solo.execution.budget.Budgets;
import solo.execution.ledger.Ledger;
import solo.execution.ledger.LedgerEntry;
import solo.execution.ledger.PriceTable;
import solo.testing.Database;
import solo.testing.TestCompany;

/** The ledger of model calls and the budget sums over it, on every storage. */
public abstract class LedgerContract {
    @RegisterExtension
    final TestCompany company;
    // 23:30 UTC on 1 March is already 2 March in Auckland: days are the company's days
    static final Instant NOW = Instant.parse("2025-03-01T23:30:00Z");
    static final ZoneId AUCKLAND = ZoneId.of("Pacific/Auckland");

    protected LedgerContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Ledger ledger() {
        return new Ledger(company.store().storage(), Clock.fixed(NOW, AUCKLAND), AUCKLAND);
    }

    static LedgerEntry call(String id, Instant at, String day, RunRef run, long cost, boolean hit) {
        return new LedgerEntry(id, at, day, run, "qualifier", "local", "llama", "fast", "key-" + id, 100, 20, 350,
                cost, true, hit, LedgerEntry.OK, null);
    }

    @Test
    void a_recorded_call_reads_back_whole() {
        Ledger ledger = ledger();
        LedgerEntry e = call("call_1", NOW, ledger.dayOf(NOW), new RunRef("run_1", "outreach", "draft"), 1234, false);

        ledger.record(e);

        assertThat(ledger.forRun("run_1")).containsExactly(e);
        assertThat(e.day()).isEqualTo("2025-03-02");
        assertThat(ledger.forDay(LocalDate.parse("2025-03-02"))).containsExactly(e);
    }

    @Test
    void spending_is_summed_per_run_per_flow_and_day_and_per_day() {
        Ledger ledger = ledger();
        String today = ledger.today().toString();
        ledger.record(call("c1", NOW, today, new RunRef("run_1", "outreach", "a"), 1000, false));
        ledger.record(call("c2", NOW, today, new RunRef("run_1", "outreach", "b"), 500, false));
        ledger.record(call("c3", NOW, today, new RunRef("run_2", "invoices", "a"), 700, false));
        ledger.record(call("c4", NOW, "2025-03-01", new RunRef("run_0", "outreach", "a"), 9000, false));
        ledger.record(call("c5", NOW, today, RunRef.NONE, 50, true));

        assertThat(ledger.spentOnRun("run_1")).isEqualTo(1500);
        assertThat(ledger.spentOnFlow("outreach", ledger.today())).isEqualTo(1500);
        assertThat(ledger.spentOnDay(ledger.today())).isEqualTo(2250);
        assertThat(ledger.spentOnRun("run_none")).isZero();
    }

    @Test
    void totals_sum_calls_tokens_and_cost_by_provider_and_model_over_every_day() {
        Ledger ledger = ledger();
        assertThat(ledger.totals()).isEmpty();
        ledger.record(call("c1", NOW, "2025-03-01", new RunRef("run_1", "outreach", "a"), 1000, false));
        ledger.record(call("c2", NOW, "2025-03-02", RunRef.NONE, 500, true));
        ledger.record(new LedgerEntry("c3", NOW, "2025-03-02", RunRef.NONE, "copywriter", "claude", "sonnet", "premium", "k3",
                2000, 300, 900, 7000, true, false, "timeout", "no answer"));

        assertThat(ledger.totals()).containsExactly(
                new solo.execution.ledger.LedgerTotal("claude", "sonnet", 1, 0, 2000, 300, 7000),
                new solo.execution.ledger.LedgerTotal("local", "llama", 2, 1, 200, 40, 1500));
    }

    @Test
    void budgets_compare_what_is_spent_plus_the_estimate_with_each_limit() {
        Ledger ledger = ledger();
        String today = ledger.today().toString();
        ledger.record(call("c1", NOW, today, new RunRef("run_1", "outreach", "a"), 400_000, false));
        ledger.record(call("c2", NOW, today, new RunRef("run_2", "outreach", "a"), 400_000, false));
        var budgets = new Budgets(new BudgetLimits(500_000, 1_000_000, 2_000_000, java.util.Map.of("invoices", 100L)), ledger,
                PriceTable.NONE);

        assertThat(budgets.check(new RunRef("run_1", "outreach", "b"), 100_000)).isEqualTo(BudgetDecision.WITHIN);
        var run = (BudgetDecision.Exceeded) budgets.check(new RunRef("run_1", "outreach", "b"), 100_001);
        assertThat(run.scope()).isEqualTo(BudgetScope.RUN);
        var flow = (BudgetDecision.Exceeded) budgets.check(new RunRef("run_3", "outreach", "a"), 300_000);
        assertThat(flow.scope()).isEqualTo(BudgetScope.FLOW_DAY);
        assertThat(flow.subject()).isEqualTo("outreach on 2025-03-02");
        var own = (BudgetDecision.Exceeded) budgets.check(new RunRef("run_4", "invoices", "a"), 101);
        assertThat(own.scope()).isEqualTo(BudgetScope.FLOW_DAY);
        var day = (BudgetDecision.Exceeded) budgets.check(RunRef.NONE, 1_300_000);
        assertThat(day.scope()).isEqualTo(BudgetScope.COMPANY_DAY);
    }
}
