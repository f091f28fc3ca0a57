package solo.interfaces.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import solo.app.Solo;
import solo.memory.files.FileIngest;
import solo.memory.files.IngestFile;
import solo.state.Actor;
import solo.support.Json;
import tools.jackson.databind.node.ArrayNode;

@Command(name = "ingest", description = "Remember files: Markdown, text, emails (.eml) and PDFs, attached to entities and indexed.")
final class IngestCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files to ingest (.md, .txt, .eml, .pdf, other UTF-8 text).")
    List<Path> paths;

    @Option(names = "--entity", required = true, paramLabel = "ID", description = "Attach to this entity (repeatable).")
    List<String> entities;

    @Override
    public void run() {
        TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr());
        try (Solo solo = common.open()) {
            FileIngest ingest = new FileIngest(solo.store());
            List<IngestFile> files = ingest.read(paths, entities); // every file is read before anything is written
            var outcomes = ingest.write(files, Actor.OPERATOR, progress);
            var memory = solo.memory();
            long indexed = memory.readOnly() ? 0 : memory.catchUp(progress);
            Printer out = new Printer(spec, common);
            if (out.json()) {
                ArrayNode a = Json.mapper().createArrayNode();
                outcomes.forEach(o -> a.add(Json.object().put("file", o.path().toString()).put("format", o.format())
                        .put("artifact", o.artifactId()).put("artifacts", o.artifacts()).put("already_there", o.alreadyThere())));
                out.json(Json.object().put("indexed_events", indexed).put("index_shared", memory.readOnly()).set("files", a));
                return;
            }
            for (var o : outcomes) {
                out.line("%s %s: %s%s", o.alreadyThere() ? "already ingested" : "ingested", o.path(), o.artifactId(),
                        o.artifacts() > 1 ? " (+" + (o.artifacts() - 1) + " attachments)" : "");
            }
            if (memory.readOnly()) {
                out.line("(the running solo up indexes them)");
            }
        }
    }
}
