package solo.execution.agent;

/** What an agent is told: the system message (how to answer) and the user message (the rendered instructions and input). */
public record Prompt(String system, String user) {

    /** Both parts as one text, for the operator's inbox when the operator is the provider. */
    public String text() {
        return user + "\n\n" + system;
    }
}
