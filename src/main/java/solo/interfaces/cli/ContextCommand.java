package solo.interfaces.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.support.Json;
import solo.support.SoloException;

@Command(name = "context", description = "Print the context pack an agent gets about an entity for a task, within a token budget.")
final class ContextCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "ENTITY", description = "The entity the task is about.")
    String entity;

    @Option(names = "--task", defaultValue = "", description = "What the context is for; ranks the memory it includes.")
    String task;

    @Option(names = "--budget", defaultValue = "2000", paramLabel = "TOKENS", description = "At most this many tokens (default: ${DEFAULT-VALUE}).")
    int budget;

    @Override
    public void run() {
        if (budget < 1 || budget > 1_000_000) {
            throw new SoloException("--budget must be from 1 to 1000000 tokens, not " + budget);
        }
        try (Solo solo = common.open()) {
            var pack = solo.memory().contextPack(entity, task, budget);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                var o = Json.object().put("entity", entity).put("task", task).put("budget", budget).put("tokens", pack.tokens())
                        .put("retrieval_found_little", pack.retrievalFoundLittle());
                o.putArray("sections").addAll(pack.sections().stream().map(Json::tree).toList());
                o.putArray("sources").addAll(pack.sources().stream().map(Json::tree).toList());
                o.put("text", pack.text());
                out.json(o);
                return;
            }
            spec.commandLine().getOut().print(pack.text());
            spec.commandLine().getOut().flush();
            spec.commandLine().getErr().println("(" + pack.tokens() + " of " + budget + " tokens)");
        }
    }
}
