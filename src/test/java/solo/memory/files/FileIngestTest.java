package solo.memory.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.memory.HashingEmbedder;
import solo.memory.MemoryQuery;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.NotFoundException;
import solo.state.Write;
import solo.support.Json;
import solo.testing.TestCompany;

/** Files into artifacts: each format, and every kind of bad file refused with its name and nothing written. */
class FileIngestTest {
    @RegisterExtension
    final TestCompany company = TestCompany.instance().withSolo(b -> b.withMemoryEmbedder(new HashingEmbedder()));

    private Path dir() throws Exception {
        Path d = company.dir().resolve("inbox");
        Files.createDirectories(d);
        return d;
    }

    private void lead() {
        company.store().write(Write.of(Actor.OPERATOR, null, new Change.CreateEntity("lead", "ada", Json.object().put("name", "Ada"))));
    }

    static Path pdf(Path file, String... pages) throws Exception {
        try (PDDocument doc = new PDDocument()) {
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                    s.beginText();
                    s.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                    s.newLineAtOffset(72, 700);
                    s.showText(text);
                    s.endText();
                }
            }
            doc.getDocumentInformation().setAuthor("Ada Lovelace");
            doc.getDocumentInformation().setTitle("Statement of work");
            doc.save(file.toFile());
        }
        return file;
    }

    @Test
    void markdown_text_email_with_attachment_and_pdf_become_artifacts_that_are_found() throws Exception {
        lead();
        Path d = dir();
        Path md = Files.writeString(d.resolve("call.md"), "# Kickoff call\n\nAda wants a static site hosted in the EU.\n");
        Path txt = Files.writeString(d.resolve("todo.txt"), "Send the proposal by Friday.\n");
        Path eml = Files.writeString(d.resolve("reply.eml"), """
                From: Ada Lovelace <ada@example.com>
                To: me@example.com
                Subject: Re: proposal
                Date: Tue, 5 Mar 2024 10:00:00 +0000
                Message-ID: <m2@example.com>
                In-Reply-To: <m1@example.com>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                Looks good, but can we lower the hosting costs?
                --b1
                Content-Type: text/csv; name="costs.csv"
                Content-Disposition: attachment; filename="costs.csv"

                item,amount
                hosting,1200
                --b1--
                """.replace("\n", "\r\n"));
        Path pdf = pdf(d.resolve("sow.pdf"), "Statement of work: the migration of the blog.", "Payment terms: thirty days.");
        FileIngest ingest = new FileIngest(company.store());
        var outcomes = ingest.write(ingest.read(List.of(md, txt, eml, pdf), List.of("ada")), Actor.OPERATOR, m -> { });
        assertThat(outcomes).extracting(FileIngest.Outcome::format).containsExactly("markdown", "text", "email", "pdf");
        Artifact note = company.store().artifact(outcomes.get(0).artifactId()).orElseThrow();
        assertThat(note.kind()).isEqualTo("note");
        assertThat(note.title()).isEqualTo("Kickoff call");
        Artifact email = company.store().artifact(outcomes.get(2).artifactId()).orElseThrow();
        assertThat(email.kind()).isEqualTo("email");
        assertThat(email.text()).contains("lower the hosting costs");
        assertThat(email.metadata().path("from").asString()).isEqualTo("Ada Lovelace <ada@example.com>");
        assertThat(email.metadata().path("thread_id").asString()).isEqualTo("<m1@example.com>");
        Artifact attachment = company.store().artifact(email.id() + ".1").orElseThrow();
        assertThat(attachment.kind()).isEqualTo("attachment");
        assertThat(attachment.text()).contains("hosting,1200");
        Artifact doc = company.store().artifact(outcomes.get(3).artifactId()).orElseThrow();
        assertThat(doc.kind()).isEqualTo("document");
        assertThat(doc.title()).isEqualTo("Statement of work");
        assertThat(doc.text()).contains("migration of the blog", "thirty days");
        assertThat(doc.metadata().path("pages").asInt()).isEqualTo(2);
        assertThat(doc.blobSha256()).isNotNull();
        var memory = company.solo().memory();
        assertThat(memory.search(MemoryQuery.entity("payment terms thirty days", "ada", 0, 1)).getFirst().chunk().sourceId())
                .isEqualTo(doc.id());
        assertThat(memory.search(MemoryQuery.entity("hosting costs", "ada", 0, 3))).extracting(h -> h.chunk().sourceId())
                .contains(email.id(), attachment.id());
        // the same files again are recognised, not doubled
        long seq = company.store().lastSeq();
        var again = ingest.write(ingest.read(List.of(md, pdf), List.of("ada")), Actor.OPERATOR, m -> { });
        assertThat(again).allSatisfy(o -> assertThat(o.alreadyThere()).isTrue());
        assertThat(company.store().lastSeq()).isEqualTo(seq);
    }

    @Test
    void bad_files_and_unknown_entities_are_refused_by_name_before_anything_is_written() throws Exception {
        lead();
        Path d = dir();
        Path good = Files.writeString(d.resolve("good.md"), "# Fine\n\nA good note.\n");
        Path broken = Files.write(d.resolve("broken.pdf"), "%PDF-1.7\nthis is not really a pdf".getBytes(StandardCharsets.US_ASCII));
        Path noMail = Files.write(d.resolve("garbage.eml"), new byte[] {0, 1, 2, 3, (byte) 0xff, 10, 10});
        Path binary = Files.write(d.resolve("image.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff});
        Path empty = Files.writeString(d.resolve("empty.txt"), "  \n");
        FileIngest ingest = new FileIngest(company.store());
        long seq = company.store().lastSeq();
        assertThatThrownBy(() -> ingest.read(List.of(good, broken), List.of("ada")))
                .isInstanceOf(FileRefusedException.class).hasMessageStartingWith(broken + ": not a readable PDF");
        assertThatThrownBy(() -> ingest.read(List.of(good, noMail), List.of("ada")))
                .isInstanceOf(FileRefusedException.class).hasMessageStartingWith(noMail + ": ");
        assertThatThrownBy(() -> ingest.read(List.of(binary), List.of("ada")))
                .hasMessage(binary + ": unsupported file type (ingest reads .md, .txt, .eml and .pdf, and other UTF-8 text)");
        assertThatThrownBy(() -> ingest.read(List.of(empty), List.of("ada"))).hasMessage(empty + ": empty: nothing to remember");
        assertThatThrownBy(() -> ingest.read(List.of(d.resolve("missing.md")), List.of("ada")))
                .hasMessage(d.resolve("missing.md") + ": no such file");
        assertThatThrownBy(() -> ingest.read(List.of(good), List.of("nobody"))).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("nobody");
        assertThat(company.store().lastSeq()).isEqualTo(seq);
    }
}
