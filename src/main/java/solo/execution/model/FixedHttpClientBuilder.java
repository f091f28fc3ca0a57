package solo.execution.model;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Duration;

/** Hands LangChain4j Solo's own HTTP client; the timeouts it sets are ignored (the provider config has them). */
final class FixedHttpClientBuilder implements HttpClientBuilder {
    private final HttpClient client;
    private Duration connectTimeout;
    private Duration readTimeout;

    FixedHttpClientBuilder(HttpClient client) {
        this.client = client;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public HttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public HttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    @Override
    public HttpClient build() {
        return client;
    }
}
