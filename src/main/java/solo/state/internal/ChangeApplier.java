package solo.state.internal;

import java.sql.SQLException;
import java.time.Clock;
import solo.state.Change;
import solo.state.Write;
import solo.state.WriteResult;
import solo.state.schema.CompanySchema;
import solo.state.storage.WriteTx;

/** Applies a write's changes in order inside one transaction; each applied change appends one event. */
final class ChangeApplier {
    private final Clock clock;
    private final EventLog log = new EventLog();
    private final EntityWrites entities;
    private final LinkWrites links;
    private final ArtifactWrites artifacts = new ArtifactWrites();
    private final RecordedEvents recorded = new RecordedEvents();

    ChangeApplier(CompanySchema schema, Clock clock) {
        this.clock = clock;
        this.entities = new EntityWrites(schema);
        this.links = new LinkWrites(schema);
    }

    WriteResult apply(WriteTx tx, Write write, Prechecked prechecked) throws SQLException {
        Applying a = new Applying(tx, write, clock.instant(), log, prechecked);
        for (Change change : write.changes()) {
            switch (change) {
                case Change.CreateEntity c -> entities.create(a, c);
                case Change.UpdateEntity c -> entities.update(a, c);
                case Change.RevertEntity c -> entities.revert(a, c);
                case Change.DeleteEntity c -> entities.delete(a, c);
                case Change.AddLink c -> links.add(a, c);
                case Change.RemoveLink c -> links.remove(a, c);
                case Change.AddArtifact c -> artifacts.add(a, c);
                case Change.UpdateArtifact c -> artifacts.update(a, c);
                case Change.AttachArtifact c -> artifacts.attach(a, c);
                case Change.DetachArtifact c -> artifacts.detach(a, c);
                case Change.DeleteArtifact c -> artifacts.delete(a, c);
                case Change.RecordEvent c -> recorded.record(a, c);
            }
        }
        return a.result();
    }
}
