package solo.interfaces.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.state.Entity;
import solo.state.Event;
import solo.testing.TestCompany;

public class CsvImportTest {
    public static final String LEADS = """
            name,email,score,budget,opted_out,tags,status
            Ada Park,ada@example.com,82,15000.50,no,design;saas,new
            Bob Stone,bob@example.com,120,,,,new
            Cy,not-an-email,50,,,,new
            Dee,dee@example.com,abc,,,,
            Eve,eve@example.com,10,,maybe,,
            Fay,fay@example.com,,,,,pending
            "Gil, Jr.",gil@example.com,7,,yes,,
            """;

    @RegisterExtension
    TestCompany company = TestCompany.instance();

    private Path csv(String text) throws IOException {
        Path f = company.dir().resolve("leads.csv");
        Files.writeString(f, text);
        return f;
    }

    private ImportReport run(String text, boolean dryRun) throws IOException {
        return new CsvImport(company.store()).run(csv(text), "lead", dryRun, m -> { });
    }

    @Test
    void good_rows_are_written_each_as_its_own_write_and_bad_ones_reported_with_row_field_and_rule() throws IOException {
        ImportReport report = run(LEADS, false);
        assertThat(report.rows()).isEqualTo(7);
        assertThat(report.written()).hasSize(2);
        assertThat(report.refusals()).extracting(RowRefusal::row, RowRefusal::field, RowRefusal::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(3L, "score", "maximum"),
                org.assertj.core.groups.Tuple.tuple(4L, "email", "format"),
                org.assertj.core.groups.Tuple.tuple(5L, "score", "type"),
                org.assertj.core.groups.Tuple.tuple(6L, "opted_out", "type"),
                org.assertj.core.groups.Tuple.tuple(7L, "status", "enum"));
        assertThat(report.summary()).isEqualTo("imported 2 of 7 rows as lead (5 refused)");

        List<Entity> leads = company.store().list("lead", null, 10);
        assertThat(leads).extracting(Entity::label).containsExactlyInAnyOrder("Ada Park", "Gil, Jr.");
        Entity ada = leads.stream().filter(e -> e.label().equals("Ada Park")).findFirst().orElseThrow();
        assertThat(ada.body().get("score").asInt()).isEqualTo(82);
        assertThat(ada.body().get("budget").decimalValue()).isEqualByComparingTo("15000.50");
        assertThat(ada.body().get("opted_out").asBoolean()).isFalse();
        assertThat(ada.body().get("tags")).hasSize(2);
        Event created = company.store().history(ada.id()).getFirst();
        assertThat(created.actor().text()).isEqualTo("operator");
        assertThat(created.reason()).isEqualTo("import leads.csv row 2");
    }

    @Test
    void a_dry_run_reports_the_same_refusals_and_writes_nothing() throws IOException {
        ImportReport report = run(LEADS, true);
        assertThat(report.refusals()).hasSize(5);
        assertThat(report.summary()).startsWith("would import 2 of 7 rows");
        assertThat(company.store().count("lead")).isZero();
    }

    @Test
    void a_row_with_an_id_already_taken_is_refused_and_a_short_row_is_named() throws IOException {
        ImportReport first = run("id,name\nlead_ada,Ada\n", false);
        assertThat(first.written()).containsExactly("lead_ada");
        ImportReport again = run("id,name\nlead_ada,Ada\nlead_bob,Bob,extra\n", false);
        assertThat(again.refusals()).extracting(RowRefusal::row, RowRefusal::field, RowRefusal::rule).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "id", "refused"),
                org.assertj.core.groups.Tuple.tuple(3L, "", "columns"));
    }

    @Test
    void a_broken_file_is_refused_whole_with_a_clear_error_before_anything_is_written() throws IOException {
        assertThatThrownBy(() -> run("name,email\nAda,ada@example.com\n\"Bob,bob@example.com\n", false))
                .hasMessageContaining("leads.csv: not readable as CSV").hasMessageContaining("EOF");
        assertThat(company.store().count("lead")).isZero();
        assertThatThrownBy(() -> run("name,phone\nAda,123\n", false))
                .hasMessageContaining("leads.csv:1: unknown column 'phone' for type lead");
        assertThatThrownBy(() -> new CsvImport(company.store()).run(csv("name\nAda\n"), "leed", false, m -> { }))
                .hasMessageContaining("unknown entity type 'leed': declared types are");
        assertThatThrownBy(() -> new CsvImport(company.store()).run(company.dir().resolve("nope.csv"), "lead", false, m -> { }))
                .hasMessageContaining("nope.csv: no such file");
        assertThatThrownBy(() -> run("", false)).hasMessageContaining("empty file");
        assertThat(company.store().count("lead")).isZero();
    }

    @Test
    void progress_is_told_every_hundred_rows() throws IOException {
        StringBuilder text = new StringBuilder("name\n");
        for (int i = 0; i < 250; i++) {
            text.append("Lead ").append(i).append('\n');
        }
        List<String> progress = new ArrayList<>();
        new CsvImport(company.store()).run(csv(text.toString()), "lead", false, progress::add);
        assertThat(progress).containsExactly("leads.csv: 100 of 250 rows", "leads.csv: 200 of 250 rows");
        assertThat(company.store().count("lead")).isEqualTo(250);
    }
}
