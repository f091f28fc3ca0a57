package solo.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import solo.app.Solo;
import solo.company.Company;
import solo.company.CompanyTemplate;

/** A throwaway company for a benchmark: a temporary folder with the standard schema, deleted on close. */
final class BenchCompany implements AutoCloseable {
    private final Path dir;
    private final Solo solo;

    private BenchCompany(Path dir, Solo solo) {
        this.dir = dir;
        this.solo = solo;
    }

    /** Opens it on the given database URL, or on its own SQLite file when the URL is null. */
    static BenchCompany open(String databaseUrl) {
        return open(databaseUrl, b -> { });
    }

    /** Like {@link #open(String)}, with the benchmark's own adjustments to the wiring. */
    static BenchCompany open(String databaseUrl, java.util.function.Consumer<Solo.Builder> customize) {
        try {
            Path dir = Files.createTempDirectory("solo-bench-");
            Company company = CompanyTemplate.init(dir.resolve("company"), "bench");
            Solo.Builder b = Solo.builder(company).withDatabaseUrl(databaseUrl);
            customize.accept(b);
            return new BenchCompany(dir, b.open());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Solo solo() {
        return solo;
    }

    @Override
    public void close() {
        solo.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
