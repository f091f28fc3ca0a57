package solo.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import solo.support.Json;

/**
 * Plans the changes that undo a set of events — typically every state write one run made — as new
 * changes, so that the provenance of both the writes and their undoing stays in the log. Entities the
 * events created are deleted, entities they changed get back the body they had before the first of them,
 * links they added are removed (and removed ones added back), artifacts they added are deleted, and the
 * entities they attached an existing artifact to are detached from it.
 *
 * <p>Each change names the version it expects, so applying the plan is refused — with nothing written —
 * when a later write touched one of the entities; planning already refuses when the newest version of an
 * entity is not one these events wrote.
 */
public final class Undo {
    private Undo() {}

    /** The changes that undo {@code events} (any order); empty when they made no undoable change. */
    public static List<Change> plan(Store store, List<Event> events) {
        List<Event> sorted = events.stream().sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
        Map<String, List<Event>> byEntity = new LinkedHashMap<>();
        List<Change> links = new ArrayList<>();
        List<Change> artifacts = new ArrayList<>();
        for (Event e : sorted) {
            if (e.isEntityVersion()) {
                byEntity.computeIfAbsent(e.subject(), k -> new ArrayList<>()).add(e);
            } else if (e.kind().equals(Event.LINK_ADDED)) {
                links.addFirst(new Change.RemoveLink(e.subject(), e.subjectType(), e.object()));
            } else if (e.kind().equals(Event.LINK_REMOVED)) {
                links.addFirst(new Change.AddLink(e.subject(), e.subjectType(), e.object()));
            } else if (e.kind().equals(Event.ARTIFACT_ADDED) && store.artifact(e.subject()).filter(a -> !a.deleted()).isPresent()) {
                artifacts.addFirst(new Change.DeleteArtifact(e.subject()));
            } else if (e.kind().equals(Event.ARTIFACT_UPDATED)) {
                List<String> attached = attachedBy(e);
                if (!attached.isEmpty() && store.artifact(e.subject()).filter(a -> !a.deleted()).isPresent()) {
                    artifacts.addFirst(new Change.DetachArtifact(e.subject(), attached));
                }
            }
        }
        List<Change> changes = new ArrayList<>(links);
        changes.addAll(artifacts);
        byEntity.forEach((id, mine) -> changes.add(entityChange(store, id, mine)));
        return changes;
    }

    /** The entities an artifact update added to the artifact (its event describes both sets). */
    private static List<String> attachedBy(Event e) {
        if (e.before() == null || e.after() == null) {
            return List.of();
        }
        Set<String> before = new HashSet<>();
        Json.read(e.before()).path("entities").forEach(n -> before.add(n.asString()));
        List<String> added = new ArrayList<>();
        Json.read(e.after()).path("entities").forEach(n -> {
            if (!before.contains(n.asString())) {
                added.add(n.asString());
            }
        });
        return added;
    }

    private static Change entityChange(Store store, String id, List<Event> mine) {
        Event first = mine.getFirst();
        Event last = mine.getLast();
        List<Event> history = store.history(id).stream().filter(Event::isEntityVersion).toList();
        Event newest = history.getLast();
        if (newest.seq() != last.seq()) {
            throw new RefusedWriteException("cannot undo: " + id + " was changed afterwards (version " + newest.version()
                    + " by " + newest.actor().text() + " at " + newest.at() + "); undo or revert that change first");
        }
        long current = newest.version();
        if (first.kind().equals(Event.ENTITY_CREATED)) {
            return new Change.DeleteEntity(id, current);
        }
        if (first.before() == null) {
            throw new RefusedWriteException("cannot undo: " + id + " did not exist before version " + first.version());
        }
        return new Change.RevertEntity(id, first.version() - 1, current);
    }

}
