package solo.state;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Unstructured content (a note, an email, a document, a draft, a transcript) attached to entities.
 * {@code text} is what gets indexed; an original file's bytes are kept as a blob named by its SHA-256.
 */
public record Artifact(
        String id,
        String kind,
        String title,
        String text,
        String fileName,
        String mediaType,
        String blobSha256,
        long size,
        JsonNode metadata,
        List<String> entityIds,
        long version,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) {}
