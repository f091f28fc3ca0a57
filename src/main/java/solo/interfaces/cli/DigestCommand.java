package solo.interfaces.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.orchestration.report.Digest;
import solo.support.Json;
import solo.support.SoloException;

/** {@code solo digest [--day D] [--send]}: the daily digest, written as an artifact (once per day) and printed. */
@Command(name = "digest", description = "The daily digest: what ran, what waits, what failed, what it cost (yesterday by"
        + " default); written once per day as a digest artifact; --send emails it to you.")
final class DigestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--day", paramLabel = "YYYY-MM-DD", description = "The day (default: yesterday, in the company's time zone).")
    String day;

    @Option(names = "--send", description = "Email it to the operator (operator.email in solo.yaml; the outbox without SMTP).")
    boolean send;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            Digest digest = solo.orchestrator().digest();
            LocalDate d = day == null ? digest.yesterday() : parse(day);
            if (send && solo.company().config().section("operator").path("email").asString("").isBlank()) {
                throw new SoloException("--send: solo.yaml gives no operator.email to send the digest to");
            }
            Digest.Written w = digest.write(d, send);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                out.json(Json.object().put("artifact", w.artifactId()).put("day", w.day().toString()).put("created", w.created())
                        .put("sent_to", w.sentTo()).put("text", w.text()));
                return;
            }
            out.line(w.text().stripTrailing());
            out.line("");
            out.line("(%s artifact %s%s)", w.created() ? "written as" : "already written as", w.artifactId(),
                    w.sentTo() == null ? "" : "; sent to " + w.sentTo());
        }
    }

    private static LocalDate parse(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new SoloException("--day " + text + ": a date like 2030-01-31");
        }
    }
}
