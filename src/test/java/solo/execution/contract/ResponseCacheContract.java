package solo.execution.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.cache.ResponseCache;
import solo.execution.model.ModelReply;
import solo.testing.Database;
import solo.testing.TestCompany;

/** The persistent response cache, on every storage. */
public abstract class ResponseCacheContract {
    @RegisterExtension
    final TestCompany company;

    protected ResponseCacheContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    ResponseCache cache() {
        return new ResponseCache(company.store().storage(), Clock.systemUTC());
    }

    @Test
    void a_kept_answer_is_found_by_its_key_as_a_cache_hit() {
        cache().put("k1", "local", "llama", new ModelReply(AiMessage.from("{\"score\": 1}"), 120, 30, 900, false));

        ModelReply found = cache().find("k1").orElseThrow();

        assertThat(found.text()).isEqualTo("{\"score\": 1}");
        assertThat(found.inputTokens()).isEqualTo(120);
        assertThat(found.outputTokens()).isEqualTo(30);
        assertThat(found.cacheHit()).isTrue();
        assertThat(cache().find("k2")).isEmpty();
    }

    @Test
    void a_request_for_tools_is_kept_with_its_calls() {
        var request = ToolExecutionRequest.builder().id("call_1").name("read_entity").arguments("{\"id\": \"lead_1\"}").build();
        cache().put("k1", "local", "llama", new ModelReply(AiMessage.from(request), 10, 5, 1, false));

        assertThat(cache().find("k1").orElseThrow().toolRequests()).containsExactly(request);
    }

    @Test
    void a_second_answer_for_the_same_key_keeps_the_first() {
        cache().put("k1", "local", "llama", new ModelReply(AiMessage.from("first"), 1, 1, 1, false));
        cache().put("k1", "local", "llama", new ModelReply(AiMessage.from("second"), 1, 1, 1, false));

        assertThat(cache().find("k1").orElseThrow().text()).isEqualTo("first");
        assertThat(cache().size()).isEqualTo(1);
    }
}
