package solo.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's JDK search (bin/find-jdk.sh), run by bash as ./solo and ./run-tests run it. */
class LauncherTest {
    @TempDir
    Path tmp;

    private record Result(int code, String out, String err) {}

    private Result findJdk(String javaHome, String path, String jvmDir) throws IOException, InterruptedException {
        Path script = Path.of("bin/find-jdk.sh").toAbsolutePath();
        ProcessBuilder pb = new ProcessBuilder("bash", "-c",
                ". '" + script + "' && solo_find_jdk && echo \"$JAVA_MAJOR $JAVA_HOME\"");
        pb.environment().clear();
        pb.environment().put("PATH", path);
        if (javaHome != null) {
            pb.environment().put("JAVA_HOME", javaHome);
        }
        pb.environment().put("SOLO_JVM_DIR", jvmDir);
        Process p = pb.start();
        p.waitFor(60, TimeUnit.SECONDS);
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim(),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim());
    }

    /** A fake JDK folder whose java prints the given specification version. */
    private Path fakeJdk(String name, String version) throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("jvm").resolve(name).resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"),
                "#!/bin/sh\necho '    java.specification.version = " + version + "' >&2\n");
        Files.writeString(bin.resolve("javac"), "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        bin.resolve("javac").toFile().setExecutable(true);
        return bin.getParent();
    }

    @Test
    void with_no_jdk_21_anywhere_it_says_so_in_one_line_and_what_to_install() throws Exception {
        fakeJdk("jdk-17", "17");
        Result r = findJdk("/nonexistent", "/usr/bin:/bin", tmp.resolve("jvm").toString());

        assertThat(r.code()).isNotZero();
        assertThat(r.err().lines().toList()).hasSize(1);
        assertThat(r.err()).contains("needs a JDK 21 or newer", "install");
    }

    @Test
    void it_skips_an_old_java_home_and_path_and_takes_the_newest_jdk_under_the_jvm_folder() throws Exception {
        Path old = fakeJdk("jdk-17", "17");
        fakeJdk("jdk-21", "21");
        Path newest = fakeJdk("jdk-25", "25");

        Result r = findJdk(old.toString(), "/usr/bin:/bin", tmp.resolve("jvm").toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("25 " + newest.toRealPath());
    }

    @Test
    void a_suitable_java_home_wins() throws Exception {
        Path home = fakeJdk("jdk-22", "22");
        fakeJdk("jdk-25", "25");

        Result r = findJdk(home.toString(), "/usr/bin:/bin", tmp.resolve("jvm").toString());

        assertThat(r.out()).isEqualTo("22 " + home.toRealPath());
    }

    @Test
    void the_readme_opens_with_the_two_commands_and_ci_runs_the_test_command() throws IOException {
        List<String> blocks = Files.readString(Path.of("README.md")).lines()
                .filter(l -> l.startsWith("./")).toList();
        assertThat(blocks).startsWith("./solo demo", "./run-tests");
        assertThat(Files.readString(Path.of(".ci/run"))).contains("./run-tests");
    }
}
