package solo.execution.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import solo.execution.config.ConfigNode;
import solo.support.yaml.YamlDocument;

/**
 * solo.yaml's {@code prices}: what a million input and output tokens cost, per model, in one currency.
 *
 * <pre>
 * prices:
 *   currency: USD
 *   claude-sonnet-4-5: {input: 3.00, output: 15.00}
 *   local/llama3.2: {input: 0, output: 0}      # PROVIDER/MODEL when one model name is served by two providers
 * </pre>
 *
 * A model without a price costs 0 and its ledger rows say {@code priced = false}.
 */
public record PriceTable(String currency, Map<String, Price> prices) {

    /** Per million tokens. */
    public record Price(double input, double output) {}

    public static final PriceTable NONE = new PriceTable("USD", Map.of());

    public Optional<Price> price(String provider, String model) {
        Price p = prices.get(provider + "/" + model);
        return Optional.ofNullable(p != null ? p : prices.get(model));
    }

    /** The cost in micros; empty when the model has no price. */
    public Optional<Long> cost(String provider, String model, long inputTokens, long outputTokens) {
        // price per million tokens × tokens = millionths of the currency, exactly the unit of the ledger
        return price(provider, model).map(p -> Math.round(inputTokens * p.input() + outputTokens * p.output()));
    }

    public static PriceTable read(YamlDocument doc) {
        ConfigNode section = ConfigNode.section(doc, "prices");
        if (section.absent()) {
            return NONE;
        }
        section.requireObject("currency and model names mapped to {input, output} per million tokens");
        String currency = section.optText("currency").orElse("USD");
        Map<String, Price> prices = new LinkedHashMap<>();
        for (String key : section.keys()) {
            if (key.equals("currency")) {
                continue;
            }
            ConfigNode p = section.child(key).requireObject("input and output, per million tokens")
                    .allowKeys(Set.of("input", "output"));
            prices.put(key, new Price(p.child("input").number(0, 1_000_000), p.child("output").number(0, 1_000_000)));
        }
        return new PriceTable(currency, Map.copyOf(prices));
    }
}
