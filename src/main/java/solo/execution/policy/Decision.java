package solo.execution.policy;

import java.util.List;
import java.util.stream.Collectors;
import solo.execution.action.ProposedAction;

/**
 * The policies' verdict on one proposed action, naming the rules that decided and who proposed it, so
 * that a denial is recorded with the agent that asked. The runtime records it on the step whatever it is.
 */
public sealed interface Decision {

    ProposedAction action();

    /** The rules that matched with this decision's effect (for {@link Allow}: every allow rule that matched, maybe none). */
    List<RuleMatch> rules();

    /** One line for the inbox and the run's timeline. */
    default String explanation() {
        String verb = switch (this) {
            case Deny d -> "denied";
            case RequireApproval r -> "needs the operator's approval";
            case Allow a -> "allowed";
        };
        String by = rules().isEmpty() ? " (no rule matched)"
                : " by " + rules().stream().map(RuleMatch::toString).collect(Collectors.joining("; "));
        return action().type() + " proposed by " + action().proposer() + " " + verb + by;
    }

    record Allow(ProposedAction action, List<RuleMatch> rules) implements Decision {
        public Allow {
            rules = List.copyOf(rules);
        }
    }

    record RequireApproval(ProposedAction action, List<RuleMatch> rules) implements Decision {
        public RequireApproval {
            rules = List.copyOf(rules);
        }
    }

    record Deny(ProposedAction action, List<RuleMatch> rules) implements Decision {
        public Deny {
            rules = List.copyOf(rules);
        }
    }
}
