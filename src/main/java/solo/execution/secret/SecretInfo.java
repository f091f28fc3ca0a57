package solo.execution.secret;

import java.time.Instant;

/** What may be shown about a secret: its name and dates. The value is never part of it. */
public record SecretInfo(String name, Instant createdAt, Instant updatedAt) {}
