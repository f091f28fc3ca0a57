package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.interfaces.imports.CsvImportTest;
import solo.testing.CliRun;
import solo.testing.TestCompany;

class ImportCliTest {
    @RegisterExtension
    TestCompany company = TestCompany.instance().closed();

    private Path csv(String text) throws Exception {
        Path f = company.dir().resolve("leads.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void an_import_prints_each_refused_row_and_a_summary_and_exits_1_when_any_was_refused() throws Exception {
        CliRun run = CliRun.in(company.dir(), "import", csv(CsvImportTest.LEADS).toString(), "--type", "lead");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("refused row 3, score: ").contains("[maximum]")
                .contains("refused row 4, email: must be a valid email [format]")
                .contains("imported 2 of 7 rows as lead (5 refused)");
        assertThat(run.err()).isEmpty(); // quiet when not on a terminal
        CliRun list = CliRun.in(company.dir(), "entity", "list", "lead");
        assertThat(list.out()).contains("Ada Park").doesNotContain("Bob Stone");
    }

    @Test
    void json_gives_the_report_and_a_clean_file_exits_0() throws Exception {
        CliRun run = CliRun.in(company.dir(), "import", csv("name,email\nAda,ada@example.com\n").toString(), "--type", "lead", "--json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("\"rows\" : 1").contains("\"refusals\" : [ ]").contains("\"written\" : [ \"lead_");
    }

    @Test
    void a_dry_run_writes_nothing() throws Exception {
        CliRun run = CliRun.in(company.dir(), "import", csv("name\nAda\n").toString(), "--type", "lead", "--dry-run");
        assertThat(run.out()).contains("would import 1 of 1 rows as lead; nothing written (dry run)");
        assertThat(CliRun.in(company.dir(), "entity", "list", "lead", "--json").out()).doesNotContain("Ada");
    }

    @Test
    void a_bad_file_an_unknown_type_and_a_missing_option_get_one_clear_line() throws Exception {
        CliRun quotes = CliRun.in(company.dir(), "import", csv("name\n\"Ada\n").toString(), "--type", "lead");
        assertThat(quotes.exitCode()).isEqualTo(1);
        assertThat(quotes.errLines()).singleElement().asString().startsWith("solo: ").contains("not readable as CSV");
        CliRun column = CliRun.in(company.dir(), "import", csv("name,fax\nAda,1\n").toString(), "--type", "lead");
        assertThat(column.errLines()).singleElement().asString().contains("unknown column 'fax'");
        CliRun type = CliRun.in(company.dir(), "import", csv("name\nAda\n").toString(), "--type", "leed");
        assertThat(type.errLines()).singleElement().asString().contains("unknown entity type 'leed'");
        assertThat(CliRun.in(company.dir(), "import", "x.csv").exitCode()).isEqualTo(2);
    }
}
