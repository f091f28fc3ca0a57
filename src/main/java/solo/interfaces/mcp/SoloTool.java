package solo.interfaces.mcp;

import tools.jackson.databind.node.ObjectNode;

/** What one tool does with a call: returns its answer as a JSON object, or throws (a {@link ToolError} for a refusal). */
@FunctionalInterface
interface SoloTool {
    ObjectNode call(ToolCall call) throws Exception;
}
