package solo.demo;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import solo.app.Solo;
import solo.execution.webhook.HookSignatures;
import solo.interfaces.http.SoloServer;
import solo.orchestration.inbox.Inbox;
import solo.orchestration.inbox.InboxItem;
import solo.orchestration.runtime.Run;
import solo.orchestration.runtime.RunStatus;
import solo.orchestration.runtime.StepRecord;
import solo.state.Entity;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Drives the demo's runs: while the runtime works, it answers the agents' tasks with {@link DemoAnswers} (saying
 * so), and waits until the runs are at rest — finished, or waiting for a decision that is not a task.
 */
final class DemoRuns {
    /** The demo must stay well under a minute; a run that has not settled by then is shown as it stands. */
    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private final Solo solo;
    private final Inbox inbox;
    private final DemoAnswers answers;
    private final PrintWriter out;

    DemoRuns(Solo solo, DemoAnswers answers, PrintWriter out) {
        this.solo = solo;
        this.inbox = solo.orchestrator().inbox();
        this.answers = answers;
        this.out = out;
    }

    /** Posts a form to {@code POST /hooks/webform} as a site would: signed with the hook's secret, with a delivery id. */
    int postWebform(SoloServer server, String json) {
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String key = HexFormat.of().formatHex(secret);
        solo.secrets().set("WEBFORM_HOOK_SECRET", key);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/hooks/webform"))
                    .header("Content-Type", "application/json")
                    .header("X-Solo-Signature", HookSignatures.sign(key, body))
                    .header("X-Solo-Delivery", "demo-form-1")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers tasks as they come until {@code until} holds, no task is open and no run is queued or running —
     * twice in a row, a quarter of a second apart (a trigger may be about to start one).
     */
    void settle(BooleanSupplier until) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            boolean answered = answerTasks();
            boolean rest = !answered && until.getAsBoolean() && busy() == 0;
            quiet = rest ? quiet + 1 : 0;
            pause();
        }
    }

    private boolean answerTasks() {
        boolean any = false;
        for (InboxItem item : open("task")) {
            StepRecord step = step(item);
            String agent = step.detail().path("agent").asString("");
            ObjectNode answer = answers.answer(agent, step.input());
            if (answer == null) {
                continue;
            }
            out.println(String.format(Locale.ROOT, "  %-10s for %-22s %s %s", agent, label(item), DemoAnswers.LABEL,
                    gist(agent, answer)));
            inbox.answer(item.id(), answer, "the demo's sample answer", Demo.DEMO);
            any = true;
        }
        out.flush();
        return any;
    }

    private static String gist(String agent, JsonNode a) {
        return switch (agent) {
            case "qualifier" -> "score " + a.path("score").asInt() + (a.path("qualified").asBoolean() ? ", qualified" : ", not a fit");
            case "copywriter" -> "\"" + a.path("subject").asString() + "\"";
            case "editor" -> "a brief: " + a.path("headline").asString();
            case "writer" -> "a draft: " + a.path("title").asString();
            default -> cut(a.path("summary").asString(), 70);
        };
    }

    private long busy() {
        return solo.orchestrator().runs().list(null, RunStatus.QUEUED, 1000).size()
                + solo.orchestrator().runs().list(null, RunStatus.RUNNING, 1000).size();
    }

    List<InboxItem> open(String kind) {
        return inbox.list(0, 200, false).items().stream().filter(i -> i.kind().equals(kind)).toList();
    }

    /** What waits for the operator's yes or no: gates, and actions the policies or the escalation held back. */
    List<InboxItem> decisions() {
        return inbox.list(0, 200, false).items().stream().filter(i -> i.kind().equals("gate") || i.kind().equals("approval"))
                .toList();
    }

    long count(String flow) {
        return solo.orchestrator().runs().list(flow, null, 1000).size();
    }

    boolean finished(String flow) {
        List<Run> runs = solo.orchestrator().runs().list(flow, null, 1000);
        return !runs.isEmpty() && runs.stream().allMatch(r -> r.status().finished());
    }

    /** What an item's run is about: its lead, invoice or topic. */
    String label(InboxItem item) {
        Run run = solo.orchestrator().runs().get(item.runId());
        for (String field : List.of("lead_id", "invoice_id")) {
            if (run.input().has(field)) {
                return solo.store().find(run.input().get(field).asString()).map(Entity::label).orElse("?");
            }
        }
        return run.flow();
    }

    void showQualifications() {
        out.println("Where each lead stands:");
        for (Run run : solo.orchestrator().runs().list("lead-qualification", null, 100).reversed()) {
            String lead = solo.store().find(run.input().path("lead_id").asString()).map(Entity::label).orElse("?");
            out.println(String.format(Locale.ROOT, "  %-10s %-10s %s", lead, run.status().text(), where(run)));
        }
    }

    /** The inbox as `solo inbox list` shows it, most urgent first. */
    void showInbox() {
        var page = inbox.list(0, 20, false);
        for (InboxItem i : page.items()) {
            out.println(String.format(Locale.ROOT, "  %-26s %-8s %-19s %-12s %s", i.id(), i.kind(), i.flow(), cut(label(i), 12),
                    cut(i.title(), 70)));
        }
        out.println("  (" + page.open() + " open; `solo inbox show ID` gives the draft, the context pack, why it is here and"
                + " the playbook's actions)");
    }

    void showRuns() {
        for (String flow : List.of("invoice-follow-up", "invoice-reminder", "content-pipeline")) {
            for (Run run : solo.orchestrator().runs().list(flow, null, 20).reversed()) {
                out.println(String.format(Locale.ROOT, "  %-18s %-10s %s", flow, run.status().text(), where(run)));
            }
        }
    }

    /** The run's path in a line: the steps done, skipped or waiting, in order. */
    private String where(Run run) {
        StringBuilder sb = new StringBuilder();
        for (StepRecord s : solo.orchestrator().runs().steps(run.id())) {
            String mark = switch (s.status().text()) {
                case "done" -> "";
                case "skipped" -> null;
                default -> "(" + s.status().text() + (s.waitingFor() == null ? "" : " for " + s.waitingFor()) + ")";
            };
            if (mark != null) {
                sb.append(sb.isEmpty() ? "" : " → ").append(s.stepId()).append(mark);
            }
        }
        if (run.error() != null) {
            sb.append(": ").append(cut(run.error(), 90));
        }
        return sb.toString();
    }

    private StepRecord step(InboxItem item) {
        return solo.orchestrator().runs().steps(item.runId()).stream().filter(s -> s.stepId().equals(item.stepId()))
                .findFirst().orElseThrow();
    }

    private static String cut(String s, int n) {
        return s == null ? "" : s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private static void pause() {
        try {
            Thread.sleep(150);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
