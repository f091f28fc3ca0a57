package solo.execution.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** The model that serves one tier, through LangChain4j: sends a request, returns a reply or a named failure. */
public final class ModelClient {
    private final ProviderConfig provider;
    private final TierRoute route;
    private final ChatModel model;

    ModelClient(ProviderConfig provider, TierRoute route, ChatModel model) {
        this.provider = provider;
        this.route = route;
        this.model = model;
    }

    public String provider() {
        return provider.name();
    }

    public String model() {
        return route.model();
    }

    public TierRoute route() {
        return route;
    }

    public boolean jsonMode() {
        return provider.jsonMode();
    }

    /** The cap on output tokens this call sends: the smaller of the agent's and the tier's, else null (the provider's default). */
    public Integer maxOutputTokens(ModelRequest request) {
        if (request.maxOutputTokens() == null) {
            return route.maxTokens();
        }
        return route.maxTokens() == null ? request.maxOutputTokens() : Math.min(request.maxOutputTokens(), route.maxTokens());
    }

    /** Calls the model; every failure is a {@link ModelCallException} (retries already spent). */
    public ModelReply chat(ModelRequest request) {
        var params = DefaultChatRequestParameters.builder()
                .temperature(route.temperature())
                .maxOutputTokens(maxOutputTokens(request));
        if (!request.tools().isEmpty()) {
            params.toolSpecifications(request.tools());
        }
        if (provider.jsonMode()) {
            // the provider's JSON mode: the answer is a JSON object (the contract itself is checked by Solo)
            params.responseFormat(ResponseFormat.JSON);
        }
        ChatRequest chat = ChatRequest.builder().messages(request.messages()).parameters(params.build()).build();
        long start = System.nanoTime();
        ChatResponse response;
        try {
            response = model.chat(chat);
        } catch (RuntimeException e) {
            ModelCallException known = ModelCallException.find(e);
            if (known != null) {
                throw known;
            }
            throw new ModelCallException(FailureKind.CLIENT, 1, provider.name() + ": the answer could not be read ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + oneLine(e.getMessage())) + ")");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        TokenUsage usage = response.tokenUsage();
        int in = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int out = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        return new ModelReply(response.aiMessage(), in, out, millis, false);
    }

    private static String oneLine(String text) {
        String t = text.replaceAll("\\s+", " ").trim();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
