package solo.execution.policy;

import com.samskivert.mustache.Template;
import dev.cel.runtime.CelRuntime;

/** One rule of a policy: a compiled CEL condition over the action, its targets and the run, and its effect. */
public record PolicyRule(String policy, String name, String when, CelRuntime.Program condition, Effect effect,
                         Template reason, String where) {}
