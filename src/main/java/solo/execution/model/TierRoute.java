package solo.execution.model;

/** Which provider and model serve a tier, with the request parameters solo.yaml sets for it. */
public record TierRoute(Tier tier, String provider, String model, Double temperature, Integer maxTokens) {}
