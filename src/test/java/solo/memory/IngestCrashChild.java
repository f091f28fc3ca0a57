package solo.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import solo.app.Solo;
import solo.company.Company;
import solo.memory.files.FileIngest;
import solo.state.Actor;

/**
 * The child of {@link IngestCrashTest}: ingests files one after another through {@code FileIngest} and keeps
 * the index following, printing {@code ok FILE} after each file is stored, until it is killed.
 */
public final class IngestCrashChild {
    private IngestCrashChild() {}

    public static void main(String[] args) throws Exception {
        Company company = Company.open(Path.of(args[0]));
        Path files = Path.of(args[1]);
        try (Solo solo = Solo.builder(company).withMemoryEmbedder(new HashingEmbedder()).open()) {
            FileIngest ingest = new FileIngest(solo.store());
            solo.memory();
            System.out.println("ready");
            for (int i = 0; ; i++) {
                Path f = files.resolve("note-" + i + ".md");
                Files.writeString(f, "# Note " + i + "\n\n" + "Meeting " + i + " about the invoice and the project plan. ".repeat(40));
                var read = ingest.read(List.of(f), List.of("ada"));
                ingest.write(read, Actor.OPERATOR, m -> { });
                System.out.println("ok " + read.getFirst().id());
                solo.memory().catchUp(m -> { });
            }
        }
    }
}
