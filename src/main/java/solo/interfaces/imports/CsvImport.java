package solo.interfaces.imports;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import solo.state.Actor;
import solo.state.Change;
import solo.state.InvalidEntityException;
import solo.state.StateException;
import solo.state.Store;
import solo.state.Violation;
import solo.state.Write;
import solo.state.schema.EntityType;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code solo import FILE.csv --type lead}: the header row names the fields of the entity type (and
 * optionally {@code id}); each row becomes one entity, written as its own write by the operator with the
 * reason {@code import FILE row N}. A refused row writes nothing and is reported with its row, field and
 * rule; the other rows go on. A file that cannot be read as CSV, or whose header names an unknown
 * column, is refused whole before anything is written.
 */
public final class CsvImport {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.DISALLOW).get();

    private final Store store;

    public CsvImport(Store store) {
        this.store = store;
    }

    public ImportReport run(Path file, String typeName, boolean dryRun, Consumer<String> progress) {
        EntityType type = store.schema().find(typeName).orElseThrow(() -> new SoloException("unknown entity type '"
                + typeName + "': declared types are " + String.join(", ", store.schema().types().keySet())));
        String name = file.getFileName().toString();
        Parsed parsed = parse(file, type);
        List<String> written = new ArrayList<>();
        List<RowRefusal> refusals = new ArrayList<>();
        for (int i = 0; i < parsed.records().size(); i++) {
            CSVRecord record = parsed.records().get(i);
            long row = record.getRecordNumber() + 1;
            List<RowRefusal> problems = new ArrayList<>();
            ObjectNode body = body(record, parsed.header(), type, row, problems);
            String id = record.isMapped("id") && !record.get("id").isEmpty() ? record.get("id") : null;
            if (problems.isEmpty()) {
                Optional<String> created = dryRun ? check(type, id, body, row, problems)
                        : write(typeName, id, body, "import " + name + " row " + row, row, problems);
                created.ifPresent(written::add);
            }
            refusals.addAll(problems);
            if ((i + 1) % 100 == 0) {
                progress.accept(name + ": " + (i + 1) + " of " + parsed.records().size() + " rows");
            }
        }
        return new ImportReport(name, typeName, dryRun, parsed.records().size(), written, refusals);
    }

    private record Parsed(List<String> header, List<CSVRecord> records) {}

    /** Reads the whole file first, so that a broken file is refused before any row is written. */
    private static Parsed parse(Path file, EntityType type) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(FORMAT).get()) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new SoloException(file + ": empty file; the first row must name the fields");
            }
            JsonNode properties = type.schema().path("properties");
            for (String column : header) {
                if (!column.equals("id") && !properties.has(column)) {
                    throw new SoloException(file + ":1: unknown column '" + column + "' for type " + type.name()
                            + " (its fields: id, " + String.join(", ", properties.propertyNames()) + ")");
                }
            }
            return new Parsed(header, parser.getRecords());
        } catch (NoSuchFileException e) {
            throw new SoloException(file + ": no such file");
        } catch (IOException | UncheckedIOException e) {
            throw new SoloException(file + ": not readable as CSV: " + message(e));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new SoloException(file + ": not readable as CSV: " + e.getMessage());
        }
    }

    private static ObjectNode body(CSVRecord record, List<String> header, EntityType type, long row, List<RowRefusal> problems) {
        ObjectNode body = Json.object();
        if (record.size() != header.size()) {
            problems.add(new RowRefusal(row, "", "columns", "has " + record.size() + " values; the header has " + header.size()));
            return body;
        }
        for (int c = 0; c < header.size(); c++) {
            String field = header.get(c);
            String text = record.get(c);
            if (field.equals("id") || text.isEmpty()) {
                continue;
            }
            try {
                body.set(field, CellTypes.convert(text, type.schema().path("properties").path(field)));
            } catch (IllegalArgumentException e) {
                problems.add(new RowRefusal(row, field, "type", e.getMessage()));
            }
        }
        return body;
    }

    private Optional<String> write(String type, String id, ObjectNode body, String reason, long row, List<RowRefusal> problems) {
        try {
            return Optional.of(store.write(Write.of(Actor.OPERATOR, reason, new Change.CreateEntity(type, id, body))).entity().id());
        } catch (InvalidEntityException e) {
            e.violations().forEach(v -> problems.add(refusal(row, v)));
        } catch (StateException e) {
            problems.add(new RowRefusal(row, id == null ? "" : "id", "refused", e.getMessage()));
        }
        return Optional.empty();
    }

    private Optional<String> check(EntityType type, String id, ObjectNode body, long row, List<RowRefusal> problems) {
        type.validate(body).forEach(v -> problems.add(refusal(row, v)));
        if (id != null && store.find(id).isPresent()) {
            problems.add(new RowRefusal(row, "id", "refused", "entity " + id + " already exists"));
        }
        // a dry run makes no ids: the row stands for the entity it would create
        return problems.isEmpty() ? Optional.of(id == null ? "row " + row : id) : Optional.empty();
    }

    private static RowRefusal refusal(long row, Violation v) {
        String field = v.field() == null ? "" : v.field().replaceFirst("^/", "").replace('/', '.');
        return new RowRefusal(row, field, v.rule(), v.message());
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getMessage();
    }
}
