package solo.execution.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import solo.app.Solo;
import solo.testing.Database;
import solo.testing.TestCompany;

class SecretsTest {
    private static final String VALUE = "pw-7f3c1d9e-never-in-plain-text";

    @RegisterExtension
    TestCompany company = TestCompany.instance();

    @ParameterizedTest
    @EnumSource(Database.class)
    void a_secret_set_is_read_back_and_listed_by_name_and_dates_only(Database database) throws Exception {
        TestCompany c = TestCompany.instance().withDatabase(database).closed();
        c.beforeEach(null);
        try (Solo solo = c.reopen()) {
            solo.secrets().set("SMTP_PASSWORD", VALUE);
            solo.secrets().set("API_KEY", "k1");
            solo.secrets().set("API_KEY", "k2");
            assertThat(solo.secrets().value("SMTP_PASSWORD")).isEqualTo(VALUE);
            assertThat(solo.secrets().resolve("secret:API_KEY")).isEqualTo("k2");
            assertThat(solo.secrets().list()).extracting(SecretInfo::name).containsExactly("API_KEY", "SMTP_PASSWORD");
            assertThat(solo.secrets().remove("API_KEY")).isTrue();
            assertThat(solo.secrets().remove("API_KEY")).isFalse();
            assertThatThrownBy(() -> solo.secrets().value("API_KEY")).hasMessageContaining("secret API_KEY is not set");
        } finally {
            c.afterEach(null);
        }
    }

    @Test
    void a_value_never_appears_in_the_company_folder_or_the_log() throws IOException {
        company.solo().secrets().set("SMTP_PASSWORD", VALUE);
        company.solo().close();
        try (Stream<Path> files = Files.walk(company.dir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as(f.toString()).doesNotContain(VALUE);
            }
        }
        Path log = Path.of(System.getProperty("java.io.tmpdir"), "solo-logs", "solo.log");
        if (Files.exists(log)) {
            assertThat(Files.readString(log)).doesNotContain(VALUE);
        }
    }

    @Test
    void the_key_file_lives_outside_the_company_folder_readable_by_its_owner_only() throws IOException {
        company.solo().secrets().set("X", "y");
        Path keys = SecretKeys.defaultDir(Map.of());
        try (Stream<Path> files = Files.list(keys)) {
            List<Path> mine = files.filter(p -> p.toString().endsWith(".key")).toList();
            assertThat(mine).isNotEmpty();
            assertThat(mine).allSatisfy(p -> {
                assertThat(p.toAbsolutePath().startsWith(company.dir())).isFalse();
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p))).isEqualTo("rw-------");
            });
        }
    }

    @Test
    void a_wrong_key_is_refused_with_a_clear_error() {
        company.solo().secrets().set("SMTP_PASSWORD", VALUE);
        String otherKey = Base64.getEncoder().encodeToString(new byte[32]);
        try (Solo other = Solo.builder(company.company()).withEnvironment(Map.of(SecretKeys.ENV, otherKey)).open()) {
            assertThatThrownBy(() -> other.secrets().value("SMTP_PASSWORD"))
                    .isInstanceOf(SecretException.class)
                    .hasMessageContaining("wrong secret key")
                    .hasMessageContaining("SOLO_SECRET_KEY")
                    .hasMessageNotContaining(VALUE);
        }
    }

    @Test
    void a_missing_key_file_is_named_in_the_error() throws IOException {
        company.solo().secrets().set("SMTP_PASSWORD", VALUE);
        Path emptyKeys = Files.createTempDirectory("solo-no-keys");
        Secrets elsewhere = new Secrets(company.store().storage(), company.dir(), new SecretKeys(emptyKeys, Map.of()),
                Map.of(), java.time.Clock.systemUTC());
        assertThatThrownBy(() -> elsewhere.value("SMTP_PASSWORD")).hasMessageContaining("no secret key")
                .hasMessageContaining(emptyKeys.toString());
    }

    @Test
    void a_tampered_ciphertext_is_refused() {
        Secrets secrets = company.solo().secrets();
        secrets.set("SMTP_PASSWORD", VALUE);
        secrets.set("OTHER", "other-value");
        var storage = company.store().storage();
        String sealed = storage.read(sql -> sql.queryOne("SELECT sealed FROM secrets WHERE name = 'SMTP_PASSWORD'",
                rs -> rs.getString(1))).orElseThrow();
        byte[] bytes = Base64.getDecoder().decode(sealed);
        bytes[bytes.length - 5] ^= 1;
        storage.write(tx -> tx.update("UPDATE secrets SET sealed = ? WHERE name = 'SMTP_PASSWORD'",
                Base64.getEncoder().encodeToString(bytes)));
        assertThatThrownBy(() -> secrets.value("SMTP_PASSWORD")).isInstanceOf(SecretException.class)
                .hasMessageContaining("refused").hasMessageContaining("altered");
        // a sealed value moved under another name does not open either: the name is bound to it
        storage.write(tx -> tx.update("UPDATE secrets SET sealed = ? WHERE name = 'OTHER'", sealed));
        assertThatThrownBy(() -> secrets.value("OTHER")).hasMessageContaining("refused");
    }

    @Test
    void references_resolve_secrets_and_environment_variables_and_refuse_plain_values() throws IOException {
        try (Solo solo = Solo.builder(company.company()).withEnvironment(Map.of("CRM_TOKEN", "t-1")).open()) {
            solo.secrets().set("SMTP_PASSWORD", VALUE);
            assertThat(solo.secrets().resolve("secret:SMTP_PASSWORD")).isEqualTo(VALUE);
            assertThat(solo.secrets().resolve("env:CRM_TOKEN")).isEqualTo("t-1");
            assertThatThrownBy(() -> solo.secrets().resolve("env:MISSING")).hasMessageContaining("MISSING is not set");
            assertThatThrownBy(() -> solo.secrets().resolve("hunter2")).hasMessageContaining("secret:NAME")
                    .hasMessageNotContaining("hunter2");
        }
    }

    @Test
    void bad_names_and_empty_values_are_refused() {
        assertThatThrownBy(() -> company.solo().secrets().set("1bad name", "x")).hasMessageContaining("secret name");
        assertThatThrownBy(() -> company.solo().secrets().set("EMPTY", "")).hasMessageContaining("empty");
    }
}
