package solo.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {
    @TempDir
    Path tmp;

    @Test
    void the_demo_fills_a_sample_company_and_shows_its_graph_history_and_audit() {
        StringWriter out = new StringWriter();
        new Demo(new PrintWriter(out)).run(tmp.resolve("northwind"));

        assertThat(out.toString()).contains("== What the store holds", "Ada Park", "Acme Robotics <-works_at- lead Ada Park",
                "v4 entity.reverted", "— the old score was right", "chain verified:", "every hash holds");
        assertThat(tmp.resolve("northwind/.solo/solo.db")).exists();
    }
}
