package solo.interfaces.imports;

/**
 * One reason a CSV row was not written: its row in the file (the header is row 1), the field, the rule
 * it broke (a JSON Schema keyword such as {@code maximum}, or {@code type}, {@code columns}, {@code refused})
 * and what is wrong, in words.
 */
public record RowRefusal(long row, String field, String rule, String message) {
    @Override
    public String toString() {
        return "row " + row + (field.isEmpty() ? "" : ", " + field) + ": " + message + " [" + rule + "]";
    }
}
