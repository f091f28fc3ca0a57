package solo.execution.model;

/** The two protocols Solo speaks: OpenAI's chat completions (OpenAI, Ollama, llama.cpp, vLLM…) and Anthropic's messages. */
public enum ProviderKind {
    OPENAI, ANTHROPIC
}
