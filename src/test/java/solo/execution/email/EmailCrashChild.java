package solo.execution.email;

import java.nio.file.Path;
import solo.app.Solo;
import solo.company.Company;
import solo.state.Actor;

/**
 * The child process of {@link EmailCrashTest}: sends one email and, once the transport has taken it and
 * before its outcome is recorded, prints {@code delivered} and waits to be killed.
 * Arguments: company folder, secret keys folder, idempotency key.
 */
public final class EmailCrashChild {
    static final OutgoingEmail EMAIL = OutgoingEmail.of("Ada Park <ada@example.com>", "Your proposal",
            "Dear Ada,\nhere is the proposal we discussed.");

    public static void main(String[] args) throws Exception {
        System.setProperty("solo.keys.dir", args[1]);
        Solo solo = Solo.open(Company.open(Path.of(args[0])));
        solo.email().afterDelivery(messageId -> {
            System.out.println("delivered " + messageId);
            System.out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        solo.email().send(EMAIL, args[2], new Actor.Step("run_crash", "send"));
        System.out.println("recorded");
    }
}
