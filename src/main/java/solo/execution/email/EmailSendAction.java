package solo.execution.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import solo.orchestration.action.Action;
import solo.orchestration.action.ActionCall;
import solo.orchestration.action.InvalidActionInputException;
import solo.orchestration.step.NonRetryableException;
import solo.orchestration.step.StepOutcome;
import solo.state.Entity;
import solo.state.Link;
import solo.state.Store;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.JsonNode;

/**
 * {@code email.send}: {@code {to, cc?, subject, text, entities?, in_reply_to?}} through {@link EmailSender},
 * under the step's idempotency key (its Message-ID). {@code to} and {@code cc} hold addresses or entity ids;
 * an entity is written to at the addresses its email fields hold, or, having none (an invoice), at those of
 * the entities it links to (its customer). The sender's record of each key tells whether an attempt a crash
 * interrupted went out ({@link #checksOutcome()}); when it cannot tell, the step waits for the operator
 * ({@code waiting_for: outcome}), and if they say it did not go, it is sent again.
 */
public final class EmailSendAction implements Action {
    private final EmailSender sender;

    public EmailSendAction(EmailSender sender) {
        this.sender = sender;
    }

    @Override
    public String name() {
        return "email.send";
    }

    @Override
    public Set<String> requiredInputs() {
        return Set.of("to", "subject", "text");
    }

    @Override
    public boolean hasOutsideEffects() {
        return true;
    }

    @Override
    public List<String> check(JsonNode input, Store store) {
        List<String> problems = Action.texts(input, "subject", "text", "in_reply_to");
        for (String field : List.of("to", "cc")) {
            JsonNode v = input.get(field);
            if (v == null || v.isNull()) {
                continue;
            }
            List<JsonNode> items = new ArrayList<>();
            if (v.isArray()) {
                v.forEach(items::add);
            } else {
                items.add(v);
            }
            if (field.equals("to") && items.isEmpty()) {
                problems.add("to: names no recipient");
            }
            for (JsonNode item : items) {
                if (!item.isString() || item.asString().isBlank()) {
                    problems.add(field + ": each recipient must be an address or an entity id, not " + item);
                } else if (!item.asString().contains("@") && store.find(item.asString()).isEmpty()) {
                    problems.add(field + ": " + item.asString() + " is neither an address nor a known entity");
                }
            }
        }
        if (input.path("subject").isString() && input.get("subject").asString().isBlank()) {
            problems.add("subject: must not be empty");
        }
        return problems;
    }

    @Override
    public boolean checksOutcome() {
        return true;
    }

    @Override
    public StepOutcome perform(ActionCall call) {
        Set<String> entities = new LinkedHashSet<>(texts(call.input().get("entities")));
        List<String> to = addresses(call, "to", entities);
        List<String> cc = addresses(call, "cc", entities);
        if (to.isEmpty()) {
            throw new InvalidActionInputException(call.stepId() + ": input 'to' names no recipient");
        }
        if (call.operatorSaidNotDone()) {
            settleNotSent(call.idempotencyKey());
        }
        SendOutcome outcome;
        try {
            OutgoingEmail email = new OutgoingEmail(null, to, cc, call.text("subject"), call.text("text"),
                    call.text("in_reply_to", null), List.copyOf(entities));
            outcome = sender.send(email, call.idempotencyKey(), call.actor());
        } catch (EmailException e) {
            throw new NonRetryableException(call.stepId() + ": " + e.getMessage(), e);
        }
        return switch (outcome) {
            case SendOutcome.Sent s -> StepOutcome.done(Json.object().put("message_id", s.messageId())
                    .put("transport", s.transport()).put("artifact", s.artifactId()).put("already_sent", false));
            case SendOutcome.AlreadySent s -> StepOutcome.done(Json.object().put("message_id", s.messageId())
                    .put("transport", s.transport()).put("artifact", s.artifactId()).put("already_sent", true));
            case SendOutcome.OutcomeUnknown u -> StepOutcome.waitFor("outcome", null, Json.object().put("action", name())
                    .put("message_id", u.messageId()).put("reason", "the email may or may not have gone out: " + u.reason()
                    + "; approve if it did, reject to send it again"));
            case SendOutcome.Failed f when f.retryable() -> throw new SoloException("email not sent: " + f.reason());
            case SendOutcome.Failed f -> throw new NonRetryableException("email not sent: " + f.reason());
        };
    }

    /** The operator said an email whose outcome was unknown did not go: the sender may send it again. */
    private void settleNotSent(String key) {
        sender.record(key).filter(r -> r.state().equals("sending"))
                .ifPresent(r -> sender.settle(key, EmailSender.Settlement.NOT_SENT));
    }

    private List<String> addresses(ActionCall call, String field, Set<String> entities) {
        List<String> out = new ArrayList<>();
        for (String item : texts(call.input().get(field))) {
            if (item.contains("@")) {
                out.add(item);
                continue;
            }
            Entity e = call.store().find(item).orElseThrow(() -> new InvalidActionInputException(call.stepId() + ": input '"
                    + field + "' names " + item + ", which is neither an address nor a known entity"));
            List<String> found = sender.matcher().addressesOf(e.type(), e.body());
            if (found.isEmpty()) {
                for (Link l : call.store().links(e.id())) {
                    String other = l.from().equals(e.id()) ? l.to() : l.from();
                    call.store().find(other).ifPresent(n -> found.addAll(sender.matcher().addressesOf(n.type(), n.body())));
                }
            }
            if (found.isEmpty()) {
                throw new InvalidActionInputException(call.stepId() + ": " + item + " has no email address (nor do the"
                        + " entities it links to)");
            }
            out.add(found.getFirst());
            entities.add(e.id());
        }
        return out;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asString()));
        } else {
            out.add(node.asString());
        }
        return out;
    }
}
