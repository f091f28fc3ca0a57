package solo.interfaces.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import picocli.CommandLine.Model.CommandSpec;
import solo.support.Json;

/** Writes a command's result: text for people, or JSON with {@code --json}. */
final class Printer {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private final PrintWriter out;
    private final boolean json;

    Printer(CommandSpec spec, CommonOptions options) {
        this.out = spec.commandLine().getOut();
        this.json = options != null && options.json();
    }

    boolean json() {
        return json;
    }

    void json(Object value) {
        out.println(Json.pretty(value));
        out.flush();
    }

    void line(String text) {
        out.println(text);
        out.flush();
    }

    void line(String format, Object... args) {
        line(String.format(format, args));
    }

    static String time(TemporalAccessor t) {
        return TIME.format(t);
    }
}
