package solo.state;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import solo.app.Solo;
import solo.company.Company;
import solo.support.Json;

/**
 * The child process of {@link StoreCrashTest}: eight writers update twenty entities as fast as they can
 * and print {@code ok ID VERSION} after each durable commit, until the test kills the process.
 */
public final class CrashWriter {
    static final int ENTITIES = 20;

    public static void main(String[] args) throws Exception {
        Solo solo = Solo.open(Company.open(Path.of(args[0])));
        Store store = solo.store();
        for (int i = 0; i < ENTITIES; i++) {
            String id = "crash_" + i;
            if (store.find(id).isEmpty()) {
                store.write(Write.of(Actor.SYSTEM, "crash test", new Change.CreateEntity("lead", id,
                        Json.object().put("name", "Crash " + i))));
            }
        }
        System.out.println("ready");
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            int writer = w;
            writers.add(Thread.ofPlatform().start(() -> {
                for (long n = 0; ; n++) {
                    String id = "crash_" + ((writer + n * 8) % ENTITIES);
                    // writers share entities, so some writes are stale: retry those with a fresh read
                    try {
                        Entity e = store.get(id);
                        Entity next = store.update(Actor.SYSTEM, "crash test " + writer, id, e.version(),
                                Json.object().put("name", e.body().get("name").asString()).put("score", (int) (n % 100)));
                        synchronized (System.out) {
                            System.out.println("ok " + id + " " + next.version());
                            System.out.flush();
                        }
                    } catch (StaleVersionException retry) {
                        // another writer won this version
                    }
                }
            }));
        }
        for (Thread t : writers) {
            t.join();
        }
    }
}
