package solo.interfaces.mcp;

import solo.testing.Database;

/** The same MCP conversation over HTTP, on a real PostgreSQL. */
class McpHttpPostgresTest extends McpHttpContract {
    McpHttpPostgresTest() {
        super(Database.POSTGRES);
    }
}
