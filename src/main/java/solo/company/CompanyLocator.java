package solo.company;

import java.nio.file.Files;
import java.nio.file.Path;
import solo.support.SoloException;

/** Finds the company a command works on: {@code --company DIR}, or the working folder or one above it. */
public final class CompanyLocator {
    private CompanyLocator() {}

    public static Company locate(Path explicit, Path workingDir) {
        if (explicit != null) {
            return Company.open(explicit);
        }
        for (Path dir = workingDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(Company.CONFIG_FILE))) {
                return Company.open(dir);
            }
        }
        throw new SoloException("no company here: " + workingDir.toAbsolutePath().normalize()
                + " has no solo.yaml (run inside a company folder, pass --company DIR, or create one with solo init DIR)");
    }
}
