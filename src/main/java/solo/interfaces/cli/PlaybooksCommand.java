package solo.interfaces.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.interfaces.json.InboxViews;
import solo.orchestration.inbox.FailureKind;
import solo.orchestration.inbox.Playbook;
import solo.orchestration.inbox.PlaybookAction;
import solo.orchestration.inbox.PlaybookException;
import solo.support.Json;
import solo.support.SoloException;
import tools.jackson.databind.node.ArrayNode;

/** {@code solo playbooks}: the recovery procedures in playbooks/*.yaml, checked; each problem with file:line:column. */
@Command(name = "playbooks", description = "Check and list the playbooks (playbooks/*.yaml): what failure each is for and"
        + " its actions in order.")
final class PlaybooksCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        try (Solo solo = common.open()) {
            List<Playbook> all;
            try {
                all = solo.orchestrator().inbox().playbooks().all();
            } catch (PlaybookException e) {
                List<String> problems = e.problems();
                problems.subList(0, problems.size() - 1).forEach(p -> spec.commandLine().getErr().println("solo: " + p));
                throw new SoloException(problems.getLast());
            }
            Printer out = new Printer(spec, common);
            if (out.json()) {
                ArrayNode a = Json.mapper().createArrayNode();
                for (Playbook p : all) {
                    var o = a.addObject().put("name", p.name()).put("description", p.description()).put("automatic", p.automatic());
                    var on = o.putObject("on");
                    on.set("failure", texts(p.failures().stream().map(FailureKind::text).sorted().toList()));
                    on.set("error", texts(p.errors().stream().sorted().toList()));
                    on.set("flow", texts(p.flows().stream().sorted().toList()));
                    on.set("step", texts(p.steps().stream().sorted().toList()));
                    on.set("action", texts(p.onActions().stream().sorted().toList()));
                    var actions = o.putArray("actions");
                    for (PlaybookAction x : p.actions()) {
                        actions.addObject().put("action", x.name()).put("about", InboxViews.about(x));
                    }
                }
                out.json(a);
                return;
            }
            for (Playbook p : all) {
                out.line("%-28s %-10s on %s: %s", p.name(), p.automatic() ? "automatic" : "", String.join("|",
                        p.failures().stream().map(FailureKind::text).sorted().toList()) + (p.flows().isEmpty() ? ""
                        : " in " + String.join(", ", p.flows())), String.join(" → ", p.actions().stream()
                        .map(PlaybookAction::name).toList()));
            }
            out.line("%d playbook%s valid", all.size(), all.size() == 1 ? "" : "s");
        }
    }

    private static ArrayNode texts(List<String> items) {
        ArrayNode a = Json.mapper().createArrayNode();
        items.forEach(a::add);
        return a;
    }
}
