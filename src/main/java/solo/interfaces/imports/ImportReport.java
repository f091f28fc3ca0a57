package solo.interfaces.imports;

import java.util.List;

/** What an import did, row by row: the entities written and the rows refused with their reasons. */
public record ImportReport(String file, String type, boolean dryRun, long rows, List<String> written,
        List<RowRefusal> refusals) {

    public long refusedRows() {
        return refusals.stream().mapToLong(RowRefusal::row).distinct().count();
    }

    /** One line: {@code imported 8 of 10 rows as lead (2 refused)}. */
    public String summary() {
        long ok = rows - refusedRows();
        return (dryRun ? "would import " : "imported ") + ok + " of " + rows + " rows as " + type
                + (refusedRows() == 0 ? "" : " (" + refusedRows() + " refused)") + (dryRun ? "; nothing written (dry run)" : "");
    }
}
