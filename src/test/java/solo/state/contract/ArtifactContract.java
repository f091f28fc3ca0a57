package solo.state.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import solo.state.Actor;
import solo.state.Artifact;
import solo.state.Change;
import solo.state.Event;
import solo.state.NotFoundException;
import solo.state.Store;
import solo.state.Write;
import solo.state.audit.HashChain;
import solo.support.Json;
import solo.testing.Database;
import solo.testing.TestCompany;

/** Artifacts attached to entities, on every storage. */
public abstract class ArtifactContract {
    @RegisterExtension
    final TestCompany company;

    protected ArtifactContract(Database database) {
        company = TestCompany.instance().withDatabase(database);
    }

    Store store() {
        return company.store();
    }

    private void entities() {
        store().write(new Write(Actor.OPERATOR, null, List.of(
                new Change.CreateEntity("company", "acme", Json.object().put("name", "Acme")),
                new Change.CreateEntity("lead", "ada", Json.object().put("name", "Ada")))));
    }

    private Artifact note(String text, String... entityIds) {
        return store().write(Write.of(Actor.OPERATOR, "call notes", new Change.AddArtifact(null, "note", "Call", text,
                null, "text/plain", null, Json.object().put("author", "operator"), List.of(entityIds)))).artifact();
    }

    @Test
    void a_note_attached_to_two_entities_is_listed_for_each_and_its_event_hashes_the_text() {
        entities();
        Artifact note = note("They want dark mode.", "ada", "acme");

        assertThat(store().artifacts("ada", 10)).extracting(Artifact::id).containsExactly(note.id());
        assertThat(store().artifacts("acme", 10)).extracting(Artifact::id).containsExactly(note.id());
        Artifact read = store().artifact(note.id()).orElseThrow();
        assertThat(read.entityIds()).containsExactly("acme", "ada");
        assertThat(read.text()).isEqualTo("They want dark mode.");
        assertThat(read.metadata().get("author").asString()).isEqualTo("operator");
        Event added = store().history(note.id()).getFirst();
        assertThat(added.kind()).isEqualTo(Event.ARTIFACT_ADDED);
        assertThat(Json.read(added.after()).get("text_sha256").asString())
                .isEqualTo(HashChain.sha256("They want dark mode."));
    }

    @Test
    void a_file_keeps_its_bytes_as_a_blob_named_by_its_hash() {
        entities();
        byte[] pdf = "%PDF-1.4 pretend".getBytes(StandardCharsets.UTF_8);
        Artifact doc = store().write(Write.of(Actor.OPERATOR, null, new Change.AddArtifact(null, "document", "Brief",
                null, "brief.pdf", "application/pdf", pdf, null, List.of("acme")))).artifact();

        assertThat(doc.size()).isEqualTo(pdf.length);
        assertThat(store().blob(doc.blobSha256())).hasValueSatisfying(b -> assertThat(b).isEqualTo(pdf));
    }

    @Test
    void attaching_to_a_missing_entity_is_refused_and_writes_nothing() {
        entities();
        long seq = store().lastSeq();
        assertThatThrownBy(() -> note("x", "ada", "ghost"))
                .isInstanceOf(NotFoundException.class).hasMessage("cannot attach to ghost: no such entity");
        assertThat(store().lastSeq()).isEqualTo(seq);
        assertThat(store().artifacts("ada", 10)).isEmpty();
    }

    @Test
    void metadata_can_change_by_version_and_a_deleted_artifact_loses_its_text_but_not_its_history() {
        entities();
        Artifact note = note("ephemeral", "ada");
        store().write(Write.of(Actor.OPERATOR, "keep it", new Change.UpdateArtifact(note.id(), 1, null,
                Json.object().put("pinned", true))));
        assertThat(store().artifact(note.id()).orElseThrow().metadata().get("pinned").asBoolean()).isTrue();

        store().write(Write.of(Actor.SYSTEM, "retention", new Change.DeleteArtifact(note.id())));

        Artifact gone = store().artifact(note.id()).orElseThrow();
        assertThat(gone.deleted()).isTrue();
        assertThat(gone.text()).isNull();
        assertThat(store().artifacts("ada", 10)).isEmpty();
        assertThat(store().history(note.id())).extracting(Event::kind)
                .containsExactly(Event.ARTIFACT_ADDED, Event.ARTIFACT_UPDATED, Event.ARTIFACT_DELETED);
    }

    @Test
    void an_artifact_can_be_attached_to_more_entities_later_by_a_new_version() {
        entities();
        Artifact email = note("Hello from someone not yet known.");
        assertThat(store().artifacts("ada", 10)).isEmpty();

        store().write(Write.of(Actor.OPERATOR, "it was Ada", new Change.AttachArtifact(email.id(), List.of("ada"))));

        Artifact read = store().artifact(email.id()).orElseThrow();
        assertThat(read.entityIds()).containsExactly("ada");
        assertThat(read.version()).isEqualTo(2);
        assertThat(store().artifacts("ada", 10)).extracting(Artifact::id).containsExactly(email.id());
        Event attached = store().history(email.id()).getLast();
        assertThat(attached.kind()).isEqualTo(Event.ARTIFACT_UPDATED);
        assertThat(Json.read(attached.before()).get("entities").size()).isZero();
        assertThat(Json.read(attached.after()).get("entities").get(0).asString()).isEqualTo("ada");

        long seq = store().lastSeq();
        store().write(Write.of(Actor.OPERATOR, "again", new Change.AttachArtifact(email.id(), List.of("ada"))));
        assertThat(store().lastSeq()).as("attaching what is attached records nothing").isEqualTo(seq);

        store().write(Write.of(Actor.OPERATOR, "not Ada after all", new Change.DetachArtifact(email.id(), List.of("ada"))));
        assertThat(store().artifacts("ada", 10)).isEmpty();
        assertThat(store().artifact(email.id()).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void attaching_an_artifact_to_a_missing_entity_is_refused_and_writes_nothing() {
        entities();
        Artifact email = note("Hello.", "acme");
        long seq = store().lastSeq();
        assertThatThrownBy(() -> store().write(Write.of(Actor.OPERATOR, null,
                new Change.AttachArtifact(email.id(), List.of("ada", "ghost")))))
                .isInstanceOf(NotFoundException.class).hasMessage("cannot attach " + email.id() + " to ghost: no such entity");
        assertThatThrownBy(() -> store().write(Write.of(Actor.OPERATOR, null,
                new Change.AttachArtifact("art_missing", List.of("ada")))))
                .isInstanceOf(NotFoundException.class).hasMessage("no artifact art_missing");
        assertThat(store().lastSeq()).isEqualTo(seq);
        assertThat(store().artifact(email.id()).orElseThrow().entityIds()).containsExactly("acme");
    }
}
