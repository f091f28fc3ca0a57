package solo.state;

/**
 * One broken rule of a JSON Schema.
 *
 * @param field JSON pointer into the checked document ({@code /score}); empty for the whole document
 * @param rule the schema keyword that failed ({@code maximum}, {@code required}, ...)
 * @param message what is wrong, in words
 * @param where where the rule is written ({@code schema/lead.yaml:14:7})
 */
public record Violation(String field, String rule, String message, String where) {
    @Override
    public String toString() {
        String f = field == null || field.isEmpty() ? "(body)" : field;
        return f + ": " + message + " [" + rule + (where == null ? "" : " at " + where) + "]";
    }
}
