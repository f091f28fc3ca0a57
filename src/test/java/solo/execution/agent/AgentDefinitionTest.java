package solo.execution.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.execution.Definitions;
import solo.execution.model.Tier;
import solo.execution.tool.ReadTool;
import solo.support.yaml.YamlException;
import solo.testing.TestCompany;

/** Agent definitions: the shipped ones load; a broken one is refused with file:line:column. */
class AgentDefinitionTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().closed();

    void agent(String yaml) {
        Definitions.write(company, "agents/probe.yaml", yaml);
    }

    String error() {
        Throwable t = catchThrowable(() -> Definitions.load(company));
        assertThat(t).isInstanceOf(YamlException.class);
        return t.getMessage();
    }

    static final String OUTPUT = """
            output:
              type: object
              required: [answer, confidence]
              properties:
                answer: {type: string}
                confidence: {type: number, minimum: 0, maximum: 1}
            """;

    @Test
    void the_shipped_agents_load_and_ask_for_a_confidence_in_zero_to_one() {
        Agents agents = Definitions.load(company).agents();

        assertThat(agents.all()).extracting(AgentDefinition::name)
                .containsExactlyInAnyOrder("researcher", "qualifier", "copywriter", "scheduler", "summarizer", "editor", "writer");
        for (AgentDefinition a : agents.all()) {
            assertThat(a.output().requires("confidence")).as(a.name()).isTrue();
            assertThat(a.output().schema().at("/properties/confidence/maximum").asInt()).as(a.name()).isEqualTo(1);
        }
        AgentDefinition copywriter = agents.get("copywriter");
        assertThat(copywriter.tier()).isEqualTo(Tier.PREMIUM);
        assertThat(copywriter.actions()).containsExactly("send_email", "send_offer");
        assertThat(copywriter.tools()).containsExactlyInAnyOrder(ReadTool.READ_ENTITY, ReadTool.SEARCH_MEMORY);
        assertThat(copywriter.memory()).isEqualTo(MemoryScope.NEIGHBOURS);
        assertThat(copywriter.budget().maxCostMicros()).isEqualTo(100_000);
    }

    @Test
    void an_unknown_tier_is_refused() {
        agent("name: probe\ntier: cheap\ninstructions: hi\n" + OUTPUT);

        assertThat(error()).isEqualTo("agents/probe.yaml:2:7: tier must be fast, standard or premium");
    }

    @Test
    void a_broken_template_is_refused() {
        agent("name: probe\ntier: fast\ninstructions: \"Hello {{#input}} never closed\"\n" + OUTPUT);

        assertThat(error()).startsWith("agents/probe.yaml:3:15: instructions are not a valid Mustache template");
    }

    @Test
    void an_output_contract_that_is_not_a_json_schema_is_refused() {
        agent("""
                name: probe
                tier: fast
                instructions: hi
                output:
                  type: object
                  properties:
                    answer: {type: strng}
                """);

        assertThat(error()).startsWith("agents/probe.yaml:7:20: not a valid JSON Schema: output.properties.answer.type");
    }

    @Test
    void an_unknown_tool_or_action_type_is_refused() {
        agent("name: probe\ntier: fast\ninstructions: hi\ntools: [read_entity, send_email]\n" + OUTPUT);
        assertThat(error()).startsWith("agents/probe.yaml:4:22: unknown tool 'send_email'");

        agent("name: probe\ntier: fast\ninstructions: hi\nactions: [wire_money]\n" + OUTPUT);
        assertThat(error()).startsWith("agents/probe.yaml:4:11: unknown action type 'wire_money'");
    }

    @Test
    void a_name_that_differs_from_the_file_name_is_refused() {
        agent("name: other\ntier: fast\ninstructions: hi\n" + OUTPUT);

        assertThat(error()).contains("agents/probe.yaml:1:7").contains("must match its file name");
    }

    @Test
    void an_unknown_field_is_refused() {
        agent("name: probe\ntier: fast\ninstructions: hi\nmodel: gpt-4\n" + OUTPUT);

        assertThat(error()).startsWith("agents/probe.yaml:4:8: unknown field 'model'");
    }
}
