package solo.execution.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.Definitions;
import solo.testing.TestCompany;

/** solo.yaml's models, tiers, prices and budgets sections. */
class ModelsConfigTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();

    @Test
    void the_template_has_no_model_so_every_tier_goes_to_the_operator() {
        assertThat(Definitions.load(company).models().tiers()).isEmpty();
    }

    @Test
    void providers_and_tiers_are_read_in_both_forms() {
        Definitions.appendConfig(company, """
                models:
                  local: {kind: openai, base_url: "http://127.0.0.1:11434/v1", concurrency: 2, requests_per_minute: 30}
                  claude: {kind: anthropic, api_key: "secret:ANTHROPIC_API_KEY", timeout_seconds: 30}
                tiers:
                  fast: local/llama3.2
                  premium: {provider: claude, model: claude-sonnet-4-5, temperature: 0.2, max_tokens: 2048}
                prices:
                  currency: EUR
                  claude-sonnet-4-5: {input: 3, output: 15}
                budgets: {per_run: 0.5, per_company_per_day: 20, flows: {outreach: 3}}
                """);
        var config = Definitions.load(company);

        assertThat(config.models().route(Tier.FAST)).hasValue(new TierRoute(Tier.FAST, "local", "llama3.2", null, null));
        assertThat(config.models().route(Tier.PREMIUM).orElseThrow().maxTokens()).isEqualTo(2048);
        assertThat(config.models().route(Tier.STANDARD)).isEmpty();
        ProviderConfig local = config.models().providers().get("local");
        assertThat(local.concurrency()).isEqualTo(2);
        assertThat(local.jsonMode()).isTrue();
        assertThat(config.models().providers().get("claude").jsonMode()).isFalse();
        assertThat(config.prices().cost("claude", "claude-sonnet-4-5", 1000, 100)).hasValue(4500L);
        assertThat(config.prices().currency()).isEqualTo("EUR");
        assertThat(config.budgets().perRunMicros()).isEqualTo(500_000);
        assertThat(config.budgets().flowLimit("outreach")).isEqualTo(3_000_000);
    }

    @Test
    void a_key_written_in_plain_text_is_refused_without_repeating_it() {
        Definitions.appendConfig(company, """
                models:
                  openai: {kind: openai, base_url: "https://api.openai.com/v1", api_key: sk-live-123456}
                """);

        assertThatThrownBy(() -> Definitions.load(company))
                .hasMessageMatching("solo\\.yaml:\\d+:\\d+: api_key must be a reference, secret:NAME or env:NAME.*")
                .hasMessageNotContaining("sk-live-123456");
    }

    @Test
    void a_tier_naming_an_unknown_provider_is_refused() {
        Definitions.appendConfig(company, """
                models:
                  local: {kind: openai, base_url: "http://127.0.0.1:1/v1"}
                tiers:
                  fast: remote/llama3.2
                """);

        assertThatThrownBy(() -> Definitions.load(company))
                .hasMessageContaining("tier fast names provider 'remote', which models does not define (defined: local)");
    }

    @Test
    void an_unknown_kind_or_field_is_refused() {
        Definitions.appendConfig(company, """
                models:
                  local: {kind: ollama, base_url: "http://127.0.0.1:1/v1"}
                """);
        assertThatThrownBy(() -> Definitions.load(company)).hasMessageContaining("kind must be openai");
    }
}
