package solo.interfaces.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import solo.app.Solo;
import solo.company.Company;
import solo.interfaces.http.auth.AccessTokens;
import solo.testing.CliRun;

/** The access token: made and shown once by solo init, kept only hashed, replaced by solo token new. */
class TokenCliTest {
    private static final Pattern TOKEN = Pattern.compile("solo_[A-Za-z0-9_-]{43}");

    @TempDir
    Path tmp;

    private static String token(String out) {
        Matcher m = TOKEN.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group();
    }

    private static boolean accepted(Path dir, String token) {
        try (Solo solo = Solo.open(Company.open(dir))) {
            return new AccessTokens(solo.store().storage(), Clock.systemUTC()).matches(token);
        }
    }

    @Test
    void init_shows_a_token_once_and_keeps_only_its_hash() throws Exception {
        Path dir = tmp.resolve("acme");
        CliRun init = CliRun.run("init", dir.toString());
        String token = token(init.out());
        assertThat(accepted(dir, token)).isTrue();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(token);
            }
        }
    }

    @Test
    void token_new_replaces_the_token_and_the_old_one_stops_working() {
        Path dir = tmp.resolve("acme");
        String first = token(CliRun.run("init", dir.toString()).out());
        CliRun renewed = CliRun.in(dir, "token", "new");
        assertThat(renewed.exitCode()).as(renewed.err()).isZero();
        String second = token(renewed.out());
        assertThat(second).isNotEqualTo(first);
        assertThat(accepted(dir, second)).isTrue();
        assertThat(accepted(dir, first)).isFalse();
    }
}
