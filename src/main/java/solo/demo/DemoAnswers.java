package solo.demo;

import java.util.Locale;
import solo.state.Entity;
import solo.state.Store;
import solo.support.Json;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's own answers to agent tasks, when no model serves the agents' tiers: plain rules over the task's
 * input and the records it names, so that the flows can be seen end to end. They are the demo's, never a
 * model's, and every place the demo shows one says so ({@link #LABEL}).
 */
final class DemoAnswers {
    static final String LABEL = "[demo answer, not a model's]";
    private final Store store;

    DemoAnswers(Store store) {
        this.store = store;
    }

    /** An answer that satisfies the agent's output contract, or null for an agent the demo does not know. */
    ObjectNode answer(String agent, JsonNode input) {
        return switch (agent) {
            case "researcher" -> research(input);
            case "qualifier" -> qualify(input);
            case "copywriter" -> draft(input);
            case "editor" -> brief(input);
            case "writer" -> post(input);
            default -> null;
        };
    }

    private ObjectNode research(JsonNode input) {
        JsonNode lead = body(input.path("entity_id").asString());
        String name = input.path("name").asString();
        String need = lead.path("need").asString("nothing specific yet");
        ObjectNode a = Json.object().put("summary", name + (lead.has("role") ? ", " + lead.get("role").asString() : "")
                + (lead.has("company") && !lead.get("company").asString().isBlank() ? " at " + lead.get("company").asString() : "")
                + ", asks for " + need + "." + (budget(lead) > 0 ? " Budget mentioned: " + money(budget(lead)) + "." : ""));
        a.putArray("facts").add("asked for: " + need).add("came by: " + lead.path("source").asString("unknown"));
        a.putArray("gaps").add("decision process").add("timeline");
        return a.put("confidence", 0.8);
    }

    private ObjectNode qualify(JsonNode input) {
        JsonNode lead = body(input.path("lead").path("id").asString());
        double budget = budget(lead);
        boolean fits = budget >= 5000 && lead.hasNonNull("need");
        int score = fits ? (int) Math.min(95, 60 + budget / 1000) : 20;
        ObjectNode a = Json.object().put("score", score).put("qualified", fits);
        a.putArray("reasons").add(fits ? "a concrete need and a budget of " + money(budget) + ", within our criteria"
                : budget == 0 ? "no budget mentioned and no fit with our criteria yet" : "a budget below 5,000");
        return a.put("next_step", fits ? "draft_email" : "nurture").put("confidence", 0.9);
    }

    private ObjectNode draft(JsonNode input) {
        String id = input.path("recipient").path("id").asString();
        Entity e = store.find(id).orElse(null);
        String name = e == null ? input.path("recipient").path("name").asString() : e.label();
        JsonNode b = e == null ? Json.object() : e.body();
        String first = name.split(" ")[0];
        String purpose = input.path("purpose").asString();
        boolean reminder = purpose.contains("reminder");
        String need = b.path("need").asString("");
        // a need in a few plain words reads well after "About"; a sentence they wrote does not
        boolean phrase = !need.isEmpty() && need.length() <= 60 && Character.isLowerCase(need.charAt(0));
        String subject = reminder ? "A friendly reminder about our invoice"
                : phrase ? "About " + need : "Thank you for your message";
        String body = reminder
                ? "Hello " + first + ",\n\nA friendly reminder that our invoice is now past its due date. "
                        + "Could you tell me when we can expect the payment?\n\nThank you, and all the best,\nNorthwind Studio"
                : "Hi " + first + ",\n\nThank you for getting in touch about " + (phrase ? need : "your project")
                        + ". It is the kind of work we do best. Would a 20-minute call next week suit you to go"
                        + " through what you need?\n\nBest,\nNorthwind Studio";
        return Json.object().put("subject", subject.length() > 150 ? subject.substring(0, 150) : subject).put("body", body)
                .put("confidence", 0.9);
    }

    private ObjectNode brief(JsonNode input) {
        String title = input.path("topic").path("title").asString();
        ObjectNode a = Json.object().put("headline", title).put("audience", "product leads at software companies");
        a.putArray("key_points").add("what the problem costs the people who live with it").add("what we changed, and why");
        a.putArray("outline").add("a scene from real work").add("what we tried").add("what to check in your own product");
        a.putArray("avoid").add("claims we cannot back with our own projects");
        return a.put("confidence", 0.9);
    }

    private ObjectNode post(JsonNode input) {
        String headline = input.path("brief").path("headline").asString("A post");
        String slug = headline.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        String body = "When the operations team of one of our clients moved to night shifts, the dashboard they "
                + "watched for ten hours a night became the problem nobody had put on the roadmap.\n\n"
                + "## What we tried\n\nWe started with contrast, not colour: every state of a robot had to be readable "
                + "at a glance, in the dark, by someone who had been awake for nine hours.\n\n"
                + "## What to check in your own product\n\nSit with the people who use it at the hour they use it.";
        return Json.object().put("title", headline).put("slug", slug.isEmpty() ? "post" : slug).put("body", body)
                .put("summary", "What a night shift taught us about dashboards.").put("confidence", 0.9);
    }

    private JsonNode body(String id) {
        return store.find(id).map(Entity::body).orElse(Json.object());
    }

    private static double budget(JsonNode lead) {
        return lead.path("budget").asDouble(0);
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "%,.0f", amount);
    }
}
