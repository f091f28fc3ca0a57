package solo.state;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who made a change. Written into every event as text: {@code operator}, {@code system},
 * {@code agent:NAME}, {@code assistant:NAME} or {@code run:RUN/step:STEP}.
 */
public sealed interface Actor {
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    Pattern STEP = Pattern.compile("run:([A-Za-z0-9_.-]+)/step:([A-Za-z0-9_.\\[\\]-]+)");

    Actor OPERATOR = new Operator();
    Actor SYSTEM = new SystemActor();

    /** The actor as written in events and JSON. */
    @JsonValue
    default String text() {
        return toString();
    }

    /** The person who owns the company. */
    record Operator() implements Actor {
        @Override
        public String toString() {
            return "operator";
        }
    }

    /** Solo itself (migrations, retention, maintenance). */
    record SystemActor() implements Actor {
        @Override
        public String toString() {
            return "system";
        }
    }

    /** An agent acting outside a run (a run's agent steps act as {@link Step}). */
    record Agent(String name) implements Actor {
        public Agent {
            requireName(name, "agent");
        }

        @Override
        public String toString() {
            return "agent:" + name;
        }
    }

    /** The operator's own AI assistant, through the MCP server. */
    record Assistant(String name) implements Actor {
        public Assistant {
            requireName(name, "assistant");
        }

        @Override
        public String toString() {
            return "assistant:" + name;
        }
    }

    /** One step of one flow run. */
    record Step(String runId, String stepId) implements Actor {
        @Override
        public String toString() {
            return "run:" + runId + "/step:" + stepId;
        }
    }

    static Actor parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("actor missing");
        }
        switch (text) {
            case "operator": return OPERATOR;
            case "system": return SYSTEM;
            default: break;
        }
        if (text.startsWith("agent:")) {
            return new Agent(text.substring(6));
        }
        if (text.startsWith("assistant:")) {
            return new Assistant(text.substring(10));
        }
        Matcher m = STEP.matcher(text);
        if (m.matches()) {
            return new Step(m.group(1), m.group(2));
        }
        throw new IllegalArgumentException("unknown actor '" + text
                + "': expected operator, system, agent:NAME, assistant:NAME or run:ID/step:ID");
    }

    private static void requireName(String name, String what) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " name '" + name + "' must be letters, digits, '.', '_' or '-'");
        }
    }
}
