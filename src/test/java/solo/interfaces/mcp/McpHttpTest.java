package solo.interfaces.mcp;

import solo.testing.Database;

/** The MCP conversation over HTTP, on SQLite. */
class McpHttpTest extends McpHttpContract {
    McpHttpTest() {
        super(Database.SQLITE);
    }
}
