package solo.orchestration.runtime;

import java.time.Duration;
import java.util.Set;
import solo.orchestration.flow.Durations;
import solo.support.yaml.YamlDocument;
import tools.jackson.databind.JsonNode;

/**
 * The {@code runtime:} section of solo.yaml.
 *
 * @param lease how long a worker owns a run without renewing; a dead worker's runs are taken over after it
 * @param poll how often an idle worker looks for runs that became ready (due waits, new runs from elsewhere)
 * @param maxRuns runs one process drives at once
 * @param maxInlineOutput step outputs larger than this (bytes of JSON) are stored as artifacts and referenced
 * @param agentConcurrency agent steps running at once in one process (0: no limit)
 */
public record RuntimeSettings(Duration lease, Duration poll, int maxRuns, int maxInlineOutput, int agentConcurrency) {
    public static final RuntimeSettings DEFAULT = new RuntimeSettings(Duration.ofSeconds(15), Duration.ofMillis(250),
            4096, 64 * 1024, 0);

    public static RuntimeSettings read(YamlDocument doc) {
        JsonNode s = doc.root().path("runtime");
        if (s.isMissingNode() || s.isNull()) {
            return DEFAULT;
        }
        if (!s.isObject()) {
            throw doc.error("/runtime", "runtime must be a mapping (lease, poll, max_runs, max_inline_output, agent_concurrency)");
        }
        for (String key : s.propertyNames()) {
            if (!Set.of("lease", "poll", "max_runs", "max_inline_output", "agent_concurrency").contains(key)) {
                throw doc.error("/runtime/" + key, "unknown runtime setting '" + key
                        + "' (known: agent_concurrency, lease, max_inline_output, max_runs, poll)");
            }
        }
        return new RuntimeSettings(duration(doc, "lease", DEFAULT.lease()), duration(doc, "poll", DEFAULT.poll()),
                number(doc, "max_runs", DEFAULT.maxRuns()), number(doc, "max_inline_output", DEFAULT.maxInlineOutput()),
                number(doc, "agent_concurrency", DEFAULT.agentConcurrency()));
    }

    private static Duration duration(YamlDocument doc, String key, Duration fallback) {
        JsonNode n = doc.root().path("runtime").path(key);
        if (n.isMissingNode()) {
            return fallback;
        }
        try {
            Duration d = Durations.parse(n.asString());
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("must be more than zero");
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw doc.error("/runtime/" + key, "runtime." + key + ": " + e.getMessage());
        }
    }

    private static int number(YamlDocument doc, String key, int fallback) {
        JsonNode n = doc.root().path("runtime").path(key);
        if (n.isMissingNode()) {
            return fallback;
        }
        if (!n.isIntegralNumber() || n.intValue() < 0) {
            throw doc.error("/runtime/" + key, "runtime." + key + " must be a whole number, 0 or more");
        }
        return n.intValue();
    }

    public RuntimeSettings withLease(Duration newLease) {
        return new RuntimeSettings(newLease, poll, maxRuns, maxInlineOutput, agentConcurrency);
    }
}
