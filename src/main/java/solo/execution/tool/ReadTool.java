package solo.execution.tool;

/** The reads an agent may request while it works; they run at once (reads change nothing). */
public enum ReadTool {
    SEARCH_MEMORY("search_memory", "Searches the company's memory (notes, emails, documents, records) and returns the best matches."),
    READ_ENTITY("read_entity", "Reads one entity (a lead, customer, offer, invoice...) by its id."),
    LIST_NEIGHBOURS("list_neighbours", "Lists the entities linked to an entity, nearest first.");

    private final String toolName;
    private final String description;

    ReadTool(String toolName, String description) {
        this.toolName = toolName;
        this.description = description;
    }

    public String toolName() {
        return toolName;
    }

    public String description() {
        return description;
    }

    public static ReadTool parse(String name) {
        for (ReadTool t : values()) {
            if (t.toolName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
